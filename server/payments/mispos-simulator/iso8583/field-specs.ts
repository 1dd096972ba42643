/**
 * How each field of the terminal↔host link is carried, UnionPay style: `n` digits in BCD (odd counts left-aligned
 * with a trailing 0 nibble), `an` printable ASCII (fixed ones space-padded on the right), `b` binary (hex strings in
 * `IsoFields`). Variable fields have a BCD length prefix: LL one byte, LLL two; it counts digits for `n`, else bytes.
 */
export type IsoFieldSpec =
  | { readonly type: 'n'; readonly length: number }
  | { readonly type: 'an'; readonly length: number }
  | { readonly type: 'b'; readonly length: number }
  | { readonly type: 'n-var' | 'an-var' | 'b-var'; readonly prefix: 'LL' | 'LLL'; readonly max: number };

export const ISO_FIELDS = {
  2: { type: 'n-var', prefix: 'LL', max: 19 },
  3: { type: 'n', length: 6 },
  4: { type: 'n', length: 12 },
  11: { type: 'n', length: 6 },
  12: { type: 'n', length: 6 },
  13: { type: 'n', length: 4 },
  22: { type: 'n', length: 3 },
  25: { type: 'n', length: 2 },
  37: { type: 'an', length: 12 },
  38: { type: 'an', length: 6 },
  39: { type: 'an', length: 2 },
  41: { type: 'an', length: 8 },
  42: { type: 'an', length: 15 },
  44: { type: 'an-var', prefix: 'LL', max: 25 },
  48: { type: 'n-var', prefix: 'LLL', max: 322 },
  49: { type: 'an', length: 3 },
  52: { type: 'b', length: 8 },
  54: { type: 'an-var', prefix: 'LLL', max: 20 },
  60: { type: 'n-var', prefix: 'LLL', max: 17 },
  61: { type: 'n-var', prefix: 'LLL', max: 29 },
  62: { type: 'b-var', prefix: 'LLL', max: 512 },
  64: { type: 'b', length: 8 },
} as const satisfies Record<number, IsoFieldSpec>;

export type IsoFieldNumber = keyof typeof ISO_FIELDS;

export const ISO_FIELD_NUMBERS: readonly IsoFieldNumber[] = Object.keys(ISO_FIELDS)
  .map(Number)
  .sort((a, b) => a - b) as IsoFieldNumber[];

export const isIsoFieldNumber = (number: number): number is IsoFieldNumber => Object.hasOwn(ISO_FIELDS, number);

/** Field values: digits for `n`, text for `an`, upper-case hex for `b`. */
export type IsoFields = Partial<Record<IsoFieldNumber, string>>;

export interface IsoMessage {
  /** Four digits, e.g. `0200`; a response's third digit is odd (`0210`). */
  readonly mti: string;
  readonly fields: IsoFields;
}
