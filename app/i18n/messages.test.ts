import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, MESSAGES, translate } from './messages';

describe('locale from the browser', () => {
  it('defaults to Chinese, and picks English only when preferred over Chinese', () => {
    expect(localeFromAcceptLanguage(null)).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5,zh;q=0.7')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('de-DE')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-TW')).toBe('zh-CN');
  });
});

describe('messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(Object.entries(MESSAGES[locale]).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('fills parameters', () => {
    expect(translate('zh-CN', 'products.page', { page: 3 })).toBe('第 3 页');
    expect(translate('en', 'products.page', { page: 3 })).toBe('Page 3');
  });
});
