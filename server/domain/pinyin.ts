import { pinyin } from 'pinyin-pro';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

function toPinyin(text: string, pattern: 'first' | 'pinyin'): string {
  // NFKC folds full-width letters/digits (common in Chinese product names) to ASCII.
  const normalized = text.normalize('NFKC');
  if (normalized.length === 0) return '';
  // v: true spells ü as v (lv, nv), the way shoppers and cashiers type it.
  const parts = pinyin(normalized, { pattern, toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return parts.join('').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

export function pinyinInitials(text: string): string {
  return toPinyin(text, 'first');
}

export function pinyinFull(text: string): string {
  return toPinyin(text, 'pinyin');
}

/** The form both the stored search text and a typed query take, so a plain LIKE matches full-width and case variants. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function productSearchText(p: { nameZh: string; nameEn: string; code: string }): string {
  return [p.nameZh, p.nameEn, p.code, pinyinInitials(p.nameZh), pinyinFull(p.nameZh)]
    .map(normalizeSearchText)
    .filter((part) => part.length > 0)
    .join(' ');
}
