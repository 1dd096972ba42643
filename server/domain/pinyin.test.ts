import { describe, it, expect } from 'vitest';
import { pinyinFull, pinyinInitials, productSearchText } from './pinyin';

describe('pinyinInitials', () => {
  it('takes the first letter of each character', () => {
    expect(pinyinInitials('可口可乐')).toBe('kkkl');
    expect(pinyinInitials('农夫山泉')).toBe('nfsq');
    expect(pinyinInitials('康师傅红烧牛肉面')).toBe('ksfhsnrm');
  });

  it('keeps letters and digits, lowercased, and drops spaces and punctuation', () => {
    expect(pinyinInitials('可口可乐 500ml')).toBe('kkkl500ml');
    expect(pinyinInitials('可口可乐（无糖）330ml×6')).toBe('kkklwt330ml6');
    expect(pinyinInitials('Coca 可乐！')).toBe('cocakl');
    expect(pinyinInitials('ＡＢＣ１２３')).toBe('abc123');
  });

  it('picks polyphonic readings by context', () => {
    expect(pinyinInitials('银行')).toBe('yh');
    expect(pinyinInitials('行走')).toBe('xz');
    expect(pinyinInitials('长城干红')).toBe('ccgh');
  });

  it('returns an empty string for empty or blank input', () => {
    expect(pinyinInitials('')).toBe('');
    expect(pinyinInitials('  ')).toBe('');
  });
});

describe('pinyinFull', () => {
  it('joins toneless pinyin without spaces', () => {
    expect(pinyinFull('可乐')).toBe('kele');
    expect(pinyinFull('农夫山泉')).toBe('nongfushanquan');
    expect(pinyinFull('可口可乐 500ml')).toBe('kekoukele500ml');
  });

  it('spells ü as v', () => {
    expect(pinyinFull('绿箭口香糖')).toBe('lvjiankouxiangtang');
  });

  it('picks polyphonic readings by context', () => {
    expect(pinyinFull('银行')).toBe('yinhang');
    expect(pinyinFull('重庆小面')).toBe('chongqingxiaomian');
  });

  it('returns an empty string for empty input', () => {
    expect(pinyinFull('')).toBe('');
  });
});

describe('productSearchText', () => {
  const cola = { nameZh: '可口可乐 500ml', nameEn: 'Coca-Cola 500ml', code: '6901028075831' };

  it('concatenates names, code and pinyin forms in lowercase', () => {
    expect(productSearchText(cola)).toBe('可口可乐 500ml coca-cola 500ml 6901028075831 kkkl500ml kekoukele500ml');
  });

  it('matches every way a cashier might search', () => {
    const text = productSearchText(cola);
    for (const query of ['kkkl', '可口', 'coca', 'cola', '6901028075831', '075831', 'kekou', 'kele']) {
      expect(text.includes(query), query).toBe(true);
    }
  });

  it('skips empty parts instead of leaving double spaces', () => {
    expect(productSearchText({ nameZh: '农夫山泉', nameEn: '', code: 'SKU-1' })).toBe(
      '农夫山泉 sku-1 nfsq nongfushanquan',
    );
  });
});
