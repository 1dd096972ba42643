import { Iso8583Error } from './iso8583-error';

const DIGITS = /^[0-9]*$/;

/** Packs digits two to a byte, left-aligned: an odd count gets a trailing 0 nibble (UnionPay's 左靠右补0). */
export function packBcd(field: string, digits: string): Buffer {
  if (!DIGITS.test(digits)) throw new Iso8583Error(field, `must be digits, got ${JSON.stringify(digits)}`);
  const even = digits.length % 2 === 0 ? digits : `${digits}0`;
  return Buffer.from(even, 'hex');
}

/** The first `digitCount` digits of packed BCD; the pad nibble of an odd count must be 0. */
export function unpackBcd(field: string, bytes: Buffer, digitCount: number): string {
  const nibbles = bytes.toString('hex');
  if (!DIGITS.test(nibbles)) throw new Iso8583Error(field, `is not BCD: ${nibbles}`);
  if (nibbles.length > digitCount && nibbles.slice(digitCount) !== '0') {
    throw new Iso8583Error(field, `has pad nibble ${nibbles.slice(digitCount)}, expected 0`);
  }
  return nibbles.slice(0, digitCount);
}

export const bcdBytes = (digitCount: number): number => Math.ceil(digitCount / 2);
