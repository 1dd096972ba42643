import { TXN_TYPES, type SettlementTotals, type TotalsBlock, type TxnType } from '../../mispos';
import { issuerName } from '../bank/issuers';
import { maskPan } from '../bank/test-cards';
import { padDigits } from '../digits';
import type { CardOnFile } from './journal';
import type { TerminalConfig } from './terminal-config';

export interface TransactionSlipInput {
  readonly config: TerminalConfig;
  readonly operatorId: string;
  readonly txnType: TxnType;
  readonly card: CardOnFile;
  readonly amountFen: number;
  readonly voucherNo: number;
  readonly batchNo: number;
  readonly rrn: string;
  readonly authCode: string;
  readonly yyyymmdd: string;
  readonly hhmmss: string;
  /** The original's voucher (voids) or reference (refunds, pre-auth operations). */
  readonly original?: { readonly voucherNo?: number; readonly rrn?: string };
}

/** Transactions the cardholder signs for on the merchant copy. */
const SIGNED: readonly TxnType[] = ['00', '10', '12'];
export const REPRINT_MARK = '***重打印 REPRINT***';

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${padDigits(fen % 100, 2)}`;
const dateTime = (yyyymmdd: string, hhmmss: string): string =>
  `${yyyymmdd.slice(0, 4)}/${yyyymmdd.slice(4, 6)}/${yyyymmdd.slice(6, 8)} ` +
  `${hhmmss.slice(0, 2)}:${hhmmss.slice(2, 4)}:${hhmmss.slice(4, 6)}`;

function merchantLines(config: TerminalConfig): string[] {
  return [`商户名称: ${config.merchantName}`, `商户编号: ${config.merchantId}`, `终端编号: ${config.terminalId}`];
}

/** The bank slip (签购单) in GBK-safe text: masked card only, never the PAN. */
export function transactionSlip(input: TransactionSlipInput): string {
  const type = TXN_TYPES[input.txnType];
  const lines = [
    '银联POS签购单 POS SALES SLIP',
    ...merchantLines(input.config),
    `操作员号: ${input.operatorId}`,
    `发卡行: ${issuerName(input.card.issuerCode)}`,
    `卡号: ${maskPan(input.card.pan)} ${input.card.cardOrg}`,
    `交易类型: ${type.zh} ${type.en.toUpperCase()}`,
    `批次号: ${padDigits(input.batchNo, 6)} 凭证号: ${padDigits(input.voucherNo, 6)}`,
    `授权码: ${input.authCode}`,
    `参考号: ${input.rrn}`,
    `日期/时间: ${dateTime(input.yyyymmdd, input.hhmmss)}`,
    `金额: RMB ${yuan(input.amountFen)}`,
  ];
  if (input.original?.voucherNo !== undefined) lines.push(`原凭证号: ${padDigits(input.original.voucherNo, 6)}`);
  if (input.original?.rrn !== undefined) lines.push(`原参考号: ${input.original.rrn}`);
  if (SIGNED.includes(input.txnType)) {
    lines.push(
      '持卡人签名 CARDHOLDER SIGNATURE:',
      '',
      '________________________',
      '本人确认以上交易，同意将其记入本卡账户',
    );
  }
  return lines.join('\n');
}

export interface SettlementSlipInput {
  readonly config: TerminalConfig;
  readonly batchNo: number;
  readonly totals: SettlementTotals;
  readonly balanced: { readonly domestic: boolean; readonly foreign: boolean };
  readonly yyyymmdd: string;
  readonly hhmmss: string;
}

function blockLines(label: string, block: TotalsBlock, balanced: boolean): string[] {
  return [
    `${label}借记 ${block.debitCount}笔 RMB ${yuan(block.debitAmountFen)}`,
    `${label}贷记 ${block.creditCount}笔 RMB ${yuan(block.creditAmountFen)}`,
    `${label}${balanced ? '对账平' : '对账不平'}`,
  ];
}

export function settlementSlip(input: SettlementSlipInput): string {
  return [
    '结算总计单 SETTLEMENT',
    ...merchantLines(input.config),
    `批次号: ${padDigits(input.batchNo, 6)}`,
    `日期/时间: ${dateTime(input.yyyymmdd, input.hhmmss)}`,
    ...blockLines('内卡', input.totals.domestic, input.balanced.domestic),
    ...blockLines('外卡', input.totals.foreign, input.balanced.foreign),
  ].join('\n');
}
