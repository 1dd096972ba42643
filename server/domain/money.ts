import { z } from 'zod';

/** Non-negative price in fen; at most 999,999.99 yuan, well inside the 32-bit money columns. */
export const fenSchema = z.number().int().min(0).max(99_999_999);

export function assertFen(n: number): void {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Expected an integer amount in fen, got ${n}`);
  }
}

export function roundHalfUpDiv(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new RangeError(`roundHalfUpDiv needs safe integers, got ${numerator}/${denominator}`);
  }
  if (denominator === 0) throw new RangeError('roundHalfUpDiv: division by zero');
  const negative = numerator < 0 !== denominator < 0;
  const a = Math.abs(numerator);
  const b = Math.abs(denominator);
  // % and exact division of integers are exact in IEEE doubles; a/b rounded is not.
  const remainder = a % b;
  let quotient = (a - remainder) / b;
  if (remainder >= b - remainder) quotient += 1;
  return negative && quotient !== 0 ? -quotient : quotient;
}

export function formatFen(fen: number, opts?: { symbol?: boolean }): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const sign = fen < 0 ? '-' : '';
  const symbol = opts?.symbol ? '¥' : '';
  return `${sign}${symbol}${yuan}.${cents}`;
}

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

export function parseYuan(text: string): number | null {
  // NFKC turns full-width digits and dot from Chinese IMEs into ASCII.
  const match = YUAN_PATTERN.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const yuan = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + cents;
}
