import { MisposCodecError } from './codec-error';
import { decodeGbk, encodeGbk, hasControlCharacter } from './gbk-text';

/** `N` ASCII digits, right-aligned, zero-filled; `A` letters and `ANS` GBK text, left-aligned, space-filled. */
export type FieldFormat = 'N' | 'A' | 'ANS';

export interface FieldSpec<Name extends string = string> {
  readonly name: Name;
  readonly format: FieldFormat;
  readonly bytes: number;
}

export type FieldLayout = readonly FieldSpec[];

/** Every field of a layout as its wire text: digits for `N`, unpadded text for `A`/`ANS`. */
export type FieldValues<Layout extends FieldLayout> = Record<Layout[number]['name'], string>;

export function field<const Name extends string>(name: Name, format: FieldFormat, bytes: number): FieldSpec<Name> {
  return { name, format, bytes };
}

export const layoutBytes = (layout: FieldLayout): number => layout.reduce((sum, spec) => sum + spec.bytes, 0);

const SPACE = 0x20;
const DIGITS = /^[0-9]*$/;
const LETTERS = /^[A-Za-z]*$/;

export function encodeFields<Layout extends FieldLayout>(
  layout: Layout,
  values: FieldValues<Layout>,
  fieldPrefix = '',
): Buffer {
  const texts: Record<string, string | undefined> = values;
  return Buffer.concat(
    layout.map((spec) => {
      const text = texts[spec.name];
      if (text === undefined) throw new MisposCodecError(fieldPrefix + spec.name, 'is missing');
      return encodeField(spec, text, fieldPrefix + spec.name);
    }),
  );
}

export function decodeFields<Layout extends FieldLayout>(
  layout: Layout,
  bytes: Buffer,
  fieldPrefix = '',
): FieldValues<Layout> {
  const expected = layoutBytes(layout);
  if (bytes.length !== expected) {
    throw new MisposCodecError(fieldPrefix || 'body', `is ${bytes.length} bytes, expected ${expected}`);
  }
  const values: Record<string, string> = {};
  let offset = 0;
  for (const spec of layout) {
    values[spec.name] = decodeField(spec, bytes.subarray(offset, offset + spec.bytes), fieldPrefix + spec.name);
    offset += spec.bytes;
  }
  return values as FieldValues<Layout>;
}

function encodeField(spec: FieldSpec, value: string, fieldName: string): Buffer {
  if (spec.format === 'N') {
    if (!DIGITS.test(value)) {
      throw new MisposCodecError(fieldName, `must be ASCII digits, got ${JSON.stringify(value)}`);
    }
    if (value.length > spec.bytes) {
      throw new MisposCodecError(fieldName, `has ${value.length} digits, the field holds ${spec.bytes}`);
    }
    return Buffer.from(value.padStart(spec.bytes, '0'), 'ascii');
  }
  checkText(spec, value, fieldName);
  if (value.endsWith(' ')) {
    // The receiver trims the space padding, so it could never see this space.
    throw new MisposCodecError(fieldName, 'must not end with a space');
  }
  const bytes = encodeGbk(fieldName, value);
  if (bytes.length > spec.bytes) {
    throw new MisposCodecError(fieldName, `is ${bytes.length} bytes in GBK, the field holds ${spec.bytes}`);
  }
  return Buffer.concat([bytes, Buffer.alloc(spec.bytes - bytes.length, SPACE)]);
}

function decodeField(spec: FieldSpec, bytes: Buffer, fieldName: string): string {
  if (spec.format === 'N') {
    const digits = bytes.toString('latin1');
    if (!DIGITS.test(digits)) {
      throw new MisposCodecError(fieldName, `must be ASCII digits, got ${JSON.stringify(digits)}`);
    }
    return digits;
  }
  // A GBK trail byte is never 0x20, so trailing spaces are always padding, never half a character.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === SPACE) end--;
  const text = decodeGbk(fieldName, bytes.subarray(0, end));
  checkText(spec, text, fieldName);
  return text;
}

function checkText(spec: FieldSpec, text: string, fieldName: string): void {
  if (spec.format === 'A' && !LETTERS.test(text)) {
    throw new MisposCodecError(fieldName, `must be letters only, got ${JSON.stringify(text)}`);
  }
  // Fixed fields are single-line text; control bytes would also collide with STX/ETX/ACK/NAK.
  if (hasControlCharacter(text)) throw new MisposCodecError(fieldName, 'must not contain control characters');
}

/** Where a field starts, in bytes from the start of its layout. */
export function fieldOffset<Layout extends FieldLayout>(layout: Layout, name: Layout[number]['name']): number {
  const index = layout.findIndex((spec) => spec.name === name);
  if (index === -1) throw new RangeError(`No field ${name} in this layout`);
  return layoutBytes(layout.slice(0, index));
}
