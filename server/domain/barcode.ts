import { z } from 'zod';

export type BarcodeKind = 'ean13' | 'ean8' | 'upca' | 'internal';

export const barcodeKindSchema = z.enum(['ean13', 'ean8', 'upca', 'internal']);

const DIGITS = /^[0-9]+$/;
const INTERNAL_CHARS = /^[0-9A-Za-z-]*$/;
const INTERNAL_MAX_LENGTH = 32;

const GTIN_LENGTHS: Record<Exclude<BarcodeKind, 'internal'>, number> = {
  ean13: 13,
  ean8: 8,
  upca: 12,
};

export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new Error(`GTIN body must be digits only, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

function completeGtin(body: string, bodyLength: number): string {
  if (body.length !== bodyLength || !DIGITS.test(body)) {
    throw new Error(`Expected ${bodyLength} digits, got "${body}"`);
  }
  return body + String(gtinCheckDigit(body));
}

export function completeEan13(body12: string): string {
  return completeGtin(body12, 12);
}

export function completeEan8(body7: string): string {
  return completeGtin(body7, 7);
}

function checkDigitMatches(code: string): boolean {
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

export function isValidGtin(code: string): boolean {
  if (!DIGITS.test(code)) return false;
  if (![8, 12, 13, 14].includes(code.length)) return false;
  return checkDigitMatches(code);
}

export function classifyBarcode(code: string): { kind: BarcodeKind; valid: boolean } {
  if (DIGITS.test(code)) {
    if (code.length === 13) return { kind: 'ean13', valid: checkDigitMatches(code) };
    if (code.length === 8) return { kind: 'ean8', valid: checkDigitMatches(code) };
    if (code.length === 12) return { kind: 'upca', valid: checkDigitMatches(code) };
  }
  const valid = code.length >= 1 && code.length <= INTERNAL_MAX_LENGTH && INTERNAL_CHARS.test(code);
  return { kind: 'internal', valid };
}

export type BarcodeValidation =
  | { ok: true; kind: BarcodeKind }
  | { ok: false; reason: 'empty' | 'bad-characters' | 'bad-length' | 'bad-check-digit' };

export function validateBarcode(code: string, kind?: BarcodeKind): BarcodeValidation {
  if (code.length === 0) return { ok: false, reason: 'empty' };
  const resolvedKind = kind ?? classifyBarcode(code).kind;
  if (resolvedKind === 'internal') {
    if (!INTERNAL_CHARS.test(code)) return { ok: false, reason: 'bad-characters' };
    if (code.length > INTERNAL_MAX_LENGTH) return { ok: false, reason: 'bad-length' };
    return { ok: true, kind: 'internal' };
  }
  if (!DIGITS.test(code)) return { ok: false, reason: 'bad-characters' };
  if (code.length !== GTIN_LENGTHS[resolvedKind]) return { ok: false, reason: 'bad-length' };
  if (!checkDigitMatches(code)) return { ok: false, reason: 'bad-check-digit' };
  return { ok: true, kind: resolvedKind };
}
