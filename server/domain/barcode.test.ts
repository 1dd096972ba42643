import { describe, it, expect } from 'vitest';
import {
  barcodeKindSchema,
  classifyBarcode,
  completeEan13,
  completeEan8,
  gtinCheckDigit,
  isValidGtin,
  validateBarcode,
} from './barcode';

describe('gtinCheckDigit', () => {
  it('computes GS1 mod-10 check digits for every GTIN length', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('590123412345')).toBe(7);
    expect(gtinCheckDigit('690102807583')).toBe(1);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('0001234560001')).toBe(2);
  });

  it('weights the rightmost digit by 3 and maps a sum divisible by 10 to 0', () => {
    expect(gtinCheckDigit('000000000000')).toBe(0);
    expect(gtinCheckDigit('55')).toBe(0);
    expect(gtinCheckDigit('1')).toBe(7);
    expect(gtinCheckDigit('5')).toBe(5);
  });

  it('rejects non-digit bodies', () => {
    expect(() => gtinCheckDigit('')).toThrow();
    expect(() => gtinCheckDigit('12a4')).toThrow();
  });
});

describe('completeEan13 / completeEan8', () => {
  it('appends the check digit', () => {
    expect(completeEan13('400638133393')).toBe('4006381333931');
    expect(completeEan13('690102807583')).toBe('6901028075831');
    expect(completeEan8('9638507')).toBe('96385074');
  });

  it('throws on wrong-length or non-digit bodies', () => {
    expect(() => completeEan13('40063813339')).toThrow();
    expect(() => completeEan13('4006381333931')).toThrow();
    expect(() => completeEan13('40063813339X')).toThrow();
    expect(() => completeEan8('963850')).toThrow();
    expect(() => completeEan8('96385074')).toThrow();
  });
});

describe('isValidGtin', () => {
  it('accepts real GTIN-8, 12, 13 and 14 codes', () => {
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('5901234123457')).toBe(true);
    expect(isValidGtin('6901028075831')).toBe(true);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('00012345600012')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('5901234123450')).toBe(false);
    expect(isValidGtin('96385075')).toBe(false);
    expect(isValidGtin('036000291453')).toBe(false);
  });

  it('rejects unsupported lengths and non-digits', () => {
    expect(isValidGtin('')).toBe(false);
    expect(isValidGtin('1234567')).toBe(false);
    expect(isValidGtin('12345678901')).toBe(false);
    expect(isValidGtin('400638133393A')).toBe(false);
    expect(isValidGtin(' 4006381333931')).toBe(false);
  });
});

describe('classifyBarcode', () => {
  it('classifies GTINs by length', () => {
    expect(classifyBarcode('4006381333931')).toEqual({ kind: 'ean13', valid: true });
    expect(classifyBarcode('96385074')).toEqual({ kind: 'ean8', valid: true });
    expect(classifyBarcode('036000291452')).toEqual({ kind: 'upca', valid: true });
  });

  it('marks GTINs with a wrong check digit invalid', () => {
    expect(classifyBarcode('4006381333930')).toEqual({ kind: 'ean13', valid: false });
    expect(classifyBarcode('96385070')).toEqual({ kind: 'ean8', valid: false });
    expect(classifyBarcode('036000291450')).toEqual({ kind: 'upca', valid: false });
  });

  it('treats other codes as internal', () => {
    expect(classifyBarcode('SKU-0001')).toEqual({ kind: 'internal', valid: true });
    expect(classifyBarcode('12345')).toEqual({ kind: 'internal', valid: true });
    expect(classifyBarcode('00012345600012')).toEqual({ kind: 'internal', valid: true });
    expect(classifyBarcode('A'.repeat(32))).toEqual({ kind: 'internal', valid: true });
  });

  it('marks malformed internal codes invalid', () => {
    expect(classifyBarcode('')).toEqual({ kind: 'internal', valid: false });
    expect(classifyBarcode('A'.repeat(33))).toEqual({ kind: 'internal', valid: false });
    expect(classifyBarcode('SKU 1')).toEqual({ kind: 'internal', valid: false });
    expect(classifyBarcode('可乐')).toEqual({ kind: 'internal', valid: false });
    expect(classifyBarcode('SKU_1')).toEqual({ kind: 'internal', valid: false });
  });
});

describe('validateBarcode', () => {
  it('infers the kind when none is given', () => {
    expect(validateBarcode('4006381333931')).toEqual({ ok: true, kind: 'ean13' });
    expect(validateBarcode('96385074')).toEqual({ ok: true, kind: 'ean8' });
    expect(validateBarcode('036000291452')).toEqual({ ok: true, kind: 'upca' });
    expect(validateBarcode('SKU-0001')).toEqual({ ok: true, kind: 'internal' });
  });

  it('reports the reason for inferred codes', () => {
    expect(validateBarcode('')).toEqual({ ok: false, reason: 'empty' });
    expect(validateBarcode('4006381333932')).toEqual({ ok: false, reason: 'bad-check-digit' });
    expect(validateBarcode('A'.repeat(33))).toEqual({ ok: false, reason: 'bad-length' });
    expect(validateBarcode('SKU#1')).toEqual({ ok: false, reason: 'bad-characters' });
  });

  it('leaves trimming to the caller', () => {
    expect(validateBarcode(' 4006381333931')).toEqual({ ok: false, reason: 'bad-characters' });
    expect(validateBarcode('4006381333931 ')).toEqual({ ok: false, reason: 'bad-characters' });
    expect(validateBarcode(' ')).toEqual({ ok: false, reason: 'bad-characters' });
  });

  it('requires the code to fit an explicit kind', () => {
    expect(validateBarcode('4006381333931', 'ean13')).toEqual({ ok: true, kind: 'ean13' });
    expect(validateBarcode('96385074', 'ean13')).toEqual({ ok: false, reason: 'bad-length' });
    expect(validateBarcode('4006381333931', 'ean8')).toEqual({ ok: false, reason: 'bad-length' });
    expect(validateBarcode('036000291452', 'upca')).toEqual({ ok: true, kind: 'upca' });
    expect(validateBarcode('036000291453', 'upca')).toEqual({ ok: false, reason: 'bad-check-digit' });
    expect(validateBarcode('03600029145A', 'upca')).toEqual({ ok: false, reason: 'bad-characters' });
    expect(validateBarcode('', 'ean13')).toEqual({ ok: false, reason: 'empty' });
  });

  it('lets any well-formed code be internal, even a GTIN with a bad check digit', () => {
    expect(validateBarcode('4006381333932', 'internal')).toEqual({ ok: true, kind: 'internal' });
    expect(validateBarcode('abc-XYZ-09', 'internal')).toEqual({ ok: true, kind: 'internal' });
    expect(validateBarcode('abc.1', 'internal')).toEqual({ ok: false, reason: 'bad-characters' });
    expect(validateBarcode('9'.repeat(33), 'internal')).toEqual({ ok: false, reason: 'bad-length' });
  });
});

describe('barcodeKindSchema', () => {
  it('accepts only known kinds', () => {
    expect(barcodeKindSchema.parse('upca')).toBe('upca');
    expect(barcodeKindSchema.safeParse('gtin14').success).toBe(false);
  });
});
