/** `value` as `width` zero-filled digits, the form of every `n` field on both links. */
export const padDigits = (value: number, width: number): string => String(value).padStart(width, '0');

/** The next counter value in 1..max, wrapping round like a terminal's trace number. */
export const nextInCycle = (value: number, max: number): number => (value >= max ? 1 : value + 1);
