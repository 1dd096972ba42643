import { z } from 'zod';
import { MisposCodecError } from './codec-error';

/** The largest whole number an `N` field of `digits` digits can carry. */
export const maxOfDigits = (digits: number): number => 10 ** digits - 1;

export const countSchema = (digits: number) => {
  const problem = `must be a whole number from 0 to ${maxOfDigits(digits)}`;
  return z.number(problem).int(problem).min(0, problem).max(maxOfDigits(digits), problem);
};

export const digitsSchema = (digits: number) =>
  z.string().regex(new RegExp(`^[0-9]{${digits}}$`), `must be exactly ${digits} digits`);

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

/** `yyyymmdd`, a real calendar day. */
export const yyyymmddSchema = digitsSchema(8).refine((text) => {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  const day = Number(text.slice(6, 8));
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}, 'must be a real date as yyyymmdd');

/** `MMDD` without a year, so 29 February is always allowed. */
export const mmddSchema = digitsSchema(4).refine((text) => {
  const month = Number(text.slice(0, 2));
  const day = Number(text.slice(2, 4));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}, 'must be a real day as MMDD');

export const hhmmssSchema = digitsSchema(6).refine(
  (text) => Number(text.slice(0, 2)) < 24 && Number(text.slice(2, 4)) < 60 && Number(text.slice(4, 6)) < 60,
  'must be a time of day as hhmmss',
);

/** Dates sent as all zeros when absent ("else zeros"); `null` here, because zeros are no date. */
export const zeroDateToNull = (digits: string): string | null => (/^0+$/.test(digits) ? null : digits);
export const nullDateToZeros = (date: string | null, digits: number): string => date ?? '0'.repeat(digits);

/** Parses with a message schema and reports the first problem as a codec error naming its field. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const fieldName = issue?.path.map(String).join('.') || 'input';
  throw new MisposCodecError(fieldName, issue?.message ?? 'is invalid');
}

/** One of the codes of a table in `codes.ts`. */
export const codeSchema = <Code extends string>(table: Record<Code, unknown>, problem: string) =>
  z.enum(Object.keys(table) as [Code, ...Code[]], problem);

export const requiredTextSchema = z.string().min(1, 'must not be empty');
