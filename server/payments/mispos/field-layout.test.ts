import { describe, expect, it } from 'vitest';
import { expectCodecError } from './expect-codec-error.test-support';
import { decodeFields, encodeFields, field, layoutBytes } from './field-layout';
import { bytes, hex, spaces, zeros } from './golden-hex.test-support';

const LAYOUT = [field('count', 'N', 6), field('letter', 'A', 1), field('name', 'ANS', 8)] as const;

describe('field layout', () => {
  it('adds up the byte lengths', () => {
    expect(layoutBytes(LAYOUT)).toBe(15);
  });

  it('zero-fills N fields on the left and space-fills A/ANS fields on the right', () => {
    const encoded = encodeFields(LAYOUT, { count: '42', letter: 'D', name: 'L01' });
    expect(encoded.toString('hex')).toBe(hex('000042') + hex('D') + hex('L01') + spaces(5));
  });

  it('counts a Chinese character as two GBK bytes and fills an 8-byte field with four', () => {
    const encoded = encodeFields(LAYOUT, { count: '', letter: '', name: '工商银行' });
    expect(encoded.toString('hex')).toBe(zeros(6) + spaces(1) + 'b9a4' + 'c9cc' + 'd2f8' + 'd0d0');
    expect(decodeFields(LAYOUT, encoded)).toEqual({ count: '000000', letter: '', name: '工商银行' });
  });

  it('refuses a value that does not fit rather than cut it, also half-way through a Chinese character', () => {
    expectCodecError(() => encodeFields(LAYOUT, { count: '1234567', letter: '', name: '' }), 'count', /7 digits/);
    expectCodecError(() => encodeFields(LAYOUT, { count: '', letter: '', name: 'A工商银行' }), 'name', /9 bytes/);
    expectCodecError(() => encodeFields(LAYOUT, { count: '', letter: '', name: 'LANE-0001' }), 'name', /9 bytes/);
  });

  it('refuses non-digits in N, non-letters in A, control characters, trailing spaces and non-GBK text', () => {
    const base = { count: '1', letter: 'C', name: 'x' };
    expectCodecError(() => encodeFields(LAYOUT, { ...base, count: '-1' }), 'count', /digits/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, count: '1 2' }), 'count', /digits/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, letter: '1' }), 'letter', /letters/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, name: 'a\nb' }), 'name', /control/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, name: 'a\u0002' }), 'name', /control/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, name: 'abc ' }), 'name', /space/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, name: '😀' }), 'name', /GBK/);
    expectCodecError(() => encodeFields(LAYOUT, { ...base, name: '한국' }), 'name', /GBK/);
  });

  it('keeps leading and inner spaces, trims only the padding', () => {
    const encoded = encodeFields(LAYOUT, { count: '7', letter: '', name: ' a b' });
    expect(decodeFields(LAYOUT, encoded)).toEqual({ count: '000007', letter: '', name: ' a b' });
  });

  it('names the field with its prefix', () => {
    expectCodecError(
      () => encodeFields(LAYOUT, { count: 'x', letter: '', name: '' }, 'totals.domestic.'),
      'totals.domestic.count',
    );
    const undecodable = bytes(hex('00000x') + spaces(9));
    expectCodecError(() => decodeFields(LAYOUT, undecodable, 'totals.foreign.'), 'totals.foreign.count');
  });

  it('refuses a missing value', () => {
    const incomplete = { count: '1', letter: 'D' } as unknown as { count: string; letter: string; name: string };
    expectCodecError(() => encodeFields(LAYOUT, incomplete), 'name', /missing/);
  });

  it('refuses malformed bytes when decoding', () => {
    expectCodecError(() => decodeFields(LAYOUT, bytes(zeros(6) + spaces(8))), 'body', /14 bytes, expected 15/);
    expectCodecError(() => decodeFields(LAYOUT, bytes(hex('00 042') + spaces(9))), 'count', /digits/);
    expectCodecError(() => decodeFields(LAYOUT, bytes(zeros(6) + hex('1') + spaces(8))), 'letter', /letters/);
    // 0xB9 is the lead byte of 工; its trail byte is missing, so the field ends in half a character.
    expectCodecError(() => decodeFields(LAYOUT, bytes(zeros(6) + spaces(1) + hex('abcdefg') + 'b9')), 'name', /GBK/);
    expectCodecError(() => decodeFields(LAYOUT, bytes(zeros(6) + spaces(1) + 'b9' + spaces(7))), 'name', /GBK/);
    expectCodecError(
      () => decodeFields(LAYOUT, bytes(zeros(6) + spaces(1) + hex('ab') + '09' + spaces(5))),
      'name',
      /control/,
    );
  });
});
