import { TXN_TYPES, type TxnType } from './codes';
import type { MisposRequest } from './request';
import type { MisposResponse } from './response';
import type { SettlementTotals, TotalsBlock } from './settlement-totals';

/** A small seeded generator (mulberry32), so a failing property run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.*#/:';
const CHINESE = '工商银行交易成功签购单金额张三李四收银员中国银联余额查询退货';

export class RandomValues {
  constructor(private readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * (max + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length - 1)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  digits(count: number): string {
    return Array.from({ length: count }, () => String(this.int(9))).join('');
  }

  /** Text of at most `maxBytes` GBK bytes mixing ASCII, Chinese and inner spaces; never ends with a space. */
  text(maxBytes: number, options: { chinese?: boolean; minBytes?: number } = {}): string {
    const target = (options.minBytes ?? 0) + this.int(maxBytes - (options.minBytes ?? 0));
    let text = '';
    let used = 0;
    while (used < target) {
      const roll = this.random();
      if (options.chinese !== false && roll < 0.4 && used + 2 <= maxBytes) {
        text += this.pick([...CHINESE]);
        used += 2;
      } else if (roll < 0.5 && used > 0 && used + 2 <= target) {
        text += ' ' + this.pick([...ASCII]);
        used += 2;
      } else {
        text += this.pick([...ASCII]);
        used += 1;
      }
    }
    return text;
  }

  date(): string {
    const year = 2000 + this.int(99);
    const month = 1 + this.int(11);
    const day = 1 + this.int(27);
    return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  }

  time(): string {
    return [this.int(23), this.int(59), this.int(59)].map((part) => String(part).padStart(2, '0')).join('');
  }

  txnType(): TxnType {
    return this.pick(Object.keys(TXN_TYPES) as TxnType[]);
  }

  request(): MisposRequest {
    return {
      cardKind: '00',
      posId: this.text(8, { minBytes: 1 }),
      operatorId: this.text(8, { minBytes: 1 }),
      txnType: this.txnType(),
      amountFen: this.pick([0, 1, 999_999_999_999, this.int(999_999_999_999), this.int(100_000)]),
      origDate: this.random() < 0.5 ? null : this.date(),
      origRefNo: this.text(12, { chinese: false }),
      origVoucherNo: this.int(999_999),
      origAuthCode: this.text(6, { chinese: false }),
      ecrRef: this.text(32, { chinese: false, minBytes: 1 }),
      nonce: this.int(999),
    };
  }

  totalsBlock(): TotalsBlock {
    return {
      debitCount: this.int(999_999),
      debitAmountFen: this.int(999_999_999_999),
      creditCount: this.int(999_999),
      creditAmountFen: this.int(999_999_999_999),
    };
  }

  totals(): SettlementTotals {
    return { domestic: this.totalsBlock(), foreign: this.totalsBlock() };
  }

  slip(): string {
    const lines = Array.from({ length: this.int(12) }, () => this.text(32));
    return lines.join('\n');
  }

  response(): MisposResponse {
    const month = String(1 + this.int(11)).padStart(2, '0');
    return {
      respCode: this.pick(['00', '05', '51', 'A4', 'Z1', 'BY', 'X5', '9Z']),
      cardKind: '00',
      txnType: this.txnType(),
      issuerCode: this.digits(4),
      issuerName: this.text(8),
      cardNo: this.random() < 0.2 ? '' : `${this.digits(6)}******${this.digits(4)}`,
      cardOrg: this.pick(['', 'CUP', 'VIS', 'MCC', 'JCB', 'AMX']),
      fundingType: this.pick(['', 'D', 'C'] as const),
      voucherNo: this.int(999_999),
      amountFen: this.int(999_999_999_999),
      message: this.text(40),
      merchantId: this.text(15, { chinese: false }),
      terminalId: this.text(8, { chinese: false }),
      batchNo: this.int(999_999),
      txnDate: this.random() < 0.2 ? null : this.date(),
      txnTime: this.time(),
      refNo: this.text(12, { chinese: false }),
      authCode: this.text(6, { chinese: false }),
      settleDate: this.random() < 0.2 ? null : `${month}${String(1 + this.int(27)).padStart(2, '0')}`,
      ecrRef: this.text(32, { chinese: false }),
      nonce: this.int(999),
      totals: this.random() < 0.3 ? this.totals() : null,
      slip: this.slip(),
    };
  }
}
