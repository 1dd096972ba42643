/** Spelled-out pieces for golden byte vectors, so each can be checked against the spec by eye. */

/** ASCII text as hex; GBK text is spelled out byte by byte in the tests instead. */
export function hex(ascii: string): string {
  if (!/^[\x20-\x7e]*$/.test(ascii)) throw new Error(`hex() takes printable ASCII only: ${JSON.stringify(ascii)}`);
  return Buffer.from(ascii, 'latin1').toString('hex');
}

/** `count` space bytes: the padding of A/ANS fields. */
export const spaces = (count: number): string => '20'.repeat(count);

/** `count` ASCII zeros: an empty N field. */
export const zeros = (count: number): string => '30'.repeat(count);

export const bytes = (hexString: string): Buffer => Buffer.from(hexString.replace(/\s+/g, ''), 'hex');

/** A golden body from `[field, hex]` pieces in wire order; spaces inside a piece's hex are for reading only. */
export const goldenHex = (pieces: readonly (readonly [field: string, hex: string])[]): string =>
  pieces.map(([, piece]) => piece.replace(/\s+/g, '')).join('');
