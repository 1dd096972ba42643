import type { SettlementTotals, TotalsBlock } from '../../mispos';
import { padDigits } from '../digits';
import { Iso8583Error } from './iso8583-error';

/** Field 60: 60.1 transaction type code n2, 60.2 batch n6, 60.3 network management code n3. */
export interface Field60 {
  readonly typeCode: string;
  readonly batchNo: number;
  readonly networkCode: string;
}

export const encodeField60 = (value: Field60): string =>
  value.typeCode + padDigits(value.batchNo, 6) + value.networkCode;

export function decodeField60(digits: string | undefined): Field60 {
  if (digits === undefined || digits.length < 11) throw new Iso8583Error('field 60', 'needs 60.1, 60.2 and 60.3');
  return { typeCode: digits.slice(0, 2), batchNo: Number(digits.slice(2, 8)), networkCode: digits.slice(8, 11) };
}

/** Field 61: the original's batch n6, trace n6 and date MMDD n4; zeros where the terminal does not know them. */
export interface Field61 {
  readonly batchNo: number;
  readonly traceNo: number;
  readonly mmdd: string;
}

export const encodeField61 = (value: Field61): string =>
  padDigits(value.batchNo, 6) + padDigits(value.traceNo, 6) + value.mmdd;

export function decodeField61(digits: string | undefined): Field61 | null {
  if (digits === undefined) return null;
  if (digits.length < 16) throw new Iso8583Error('field 61', 'needs batch, trace and date');
  return { batchNo: Number(digits.slice(0, 6)), traceNo: Number(digits.slice(6, 12)), mmdd: digits.slice(12, 16) };
}

/** The host's verdict per block in a settlement answer: 1 balanced (对账平), 2 out of balance, 3 error; 0 in requests. */
export type BlockResult = '0' | '1' | '2' | '3';

export interface Field48 {
  readonly totals: SettlementTotals;
  readonly domesticResult: BlockResult;
  readonly foreignResult: BlockResult;
}

const BLOCK_DIGITS = 12 + 6 + 12 + 6 + 1;
const BLOCK_RESULTS: readonly string[] = ['0', '1', '2', '3'];

/**
 * Field 48 of a settlement, per block (domestic, then foreign): debit amount n12, debit count, credit amount n12,
 * credit count, result n1 — UnionPay's order, with counts widened from n3 to n6 like the ECR's totals.
 */
export const encodeField48 = (value: Field48): string =>
  encodeBlock(value.totals.domestic, value.domesticResult) + encodeBlock(value.totals.foreign, value.foreignResult);

export function decodeField48(digits: string | undefined): Field48 {
  if (digits === undefined || digits.length !== 2 * BLOCK_DIGITS) {
    throw new Iso8583Error('field 48', `must be ${2 * BLOCK_DIGITS} digits of settlement totals`);
  }
  const domestic = decodeBlock(digits.slice(0, BLOCK_DIGITS));
  const foreign = decodeBlock(digits.slice(BLOCK_DIGITS));
  return {
    totals: { domestic: domestic.block, foreign: foreign.block },
    domesticResult: domestic.result,
    foreignResult: foreign.result,
  };
}

function encodeBlock(block: TotalsBlock, result: BlockResult): string {
  return (
    padDigits(block.debitAmountFen, 12) +
    padDigits(block.debitCount, 6) +
    padDigits(block.creditAmountFen, 12) +
    padDigits(block.creditCount, 6) +
    result
  );
}

function decodeBlock(digits: string): { block: TotalsBlock; result: BlockResult } {
  const result = digits.slice(36);
  if (!isBlockResult(result)) throw new Iso8583Error('field 48', `has settlement result ${result}`);
  const block = {
    debitAmountFen: Number(digits.slice(0, 12)),
    debitCount: Number(digits.slice(12, 18)),
    creditAmountFen: Number(digits.slice(18, 30)),
    creditCount: Number(digits.slice(30, 36)),
  };
  return { block, result };
}

const isBlockResult = (text: string): text is BlockResult => BLOCK_RESULTS.includes(text);

/** Field 54: account type n2 (10 debit, 30 credit), amount type 02 available, currency 156, sign C/D, amount n12. */
export function encodeField54(accountType: '10' | '30', balanceFen: number): string {
  return `${accountType}02156${balanceFen < 0 ? 'D' : 'C'}${padDigits(Math.abs(balanceFen), 12)}`;
}

export function decodeField54(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = /^[0-9]{2}02156([CD])([0-9]{12})$/.exec(text);
  if (!match) throw new Iso8583Error('field 54', `is not an available balance: ${text}`);
  return (match[1] === 'D' ? -1 : 1) * Number(match[2]);
}

/** Field 44: issuer and acquirer institution ids, an11 each; the issuer code of the ECR answer is its first 4 digits. */
export const encodeField44 = (issuerCode: string, acquirerCode: string): string =>
  `${issuerCode}0000`.padEnd(11, ' ') + `${acquirerCode}0000`;

export const issuerCodeOf = (field44: string | undefined): string => field44?.slice(0, 4) ?? '0000';
