/** Messages of the store's receipt language setting, merged into messages.ts; every key in both languages. */
export const receiptZh = {
  'settings.receiptLanguage': '小票语言',
  'settings.receiptLanguage.zh-CN': '中文',
  'settings.receiptLanguage.en': '英文',
  'settings.receiptLanguage.both': '中英双语',
} as const;

export const receiptEn: Record<keyof typeof receiptZh, string> = {
  'settings.receiptLanguage': 'Receipt language',
  'settings.receiptLanguage.zh-CN': 'Chinese',
  'settings.receiptLanguage.en': 'English',
  'settings.receiptLanguage.both': 'Chinese and English',
};
