import type { SettlementTotals } from '../../mispos';
import { nextInCycle, padDigits } from '../digits';
import {
  BANK_TRANSACTIONS,
  bankTransactionKind,
  REVERSAL_MTI,
  responseMti,
  reversedKind,
} from '../iso8583/bank-transactions';
import {
  decodeField48,
  decodeField60,
  encodeField44,
  encodeField48,
  encodeField54,
  type BlockResult,
} from '../iso8583/composite-fields';
import type { IsoFieldNumber, IsoFields, IsoMessage } from '../iso8583/field-specs';
import { decodeIsoMessage, encodeIsoMessage } from '../iso8583/iso-message';
import { Iso8583Error } from '../iso8583/iso8583-error';
import { encodeWithMac, hasValidMac } from '../iso8583/mac';
import { encodeField62, newWorkingKeys, type WorkingKeys } from '../iso8583/working-keys';
import { localStamp, systemClock, type Clock } from '../local-time';
import { sameTotalsBlock, sumSettlementTotals } from '../settlement-rule';
import { Accounts } from './accounts';
import { authorise, type Decision } from './authorise';
import { HostLedger, type HostEntry } from './host-ledger';
import { ACQUIRER_CODE } from './issuers';
import { applyEffect } from './ledger-effects';
import { maskPan } from './test-cards';

/** Faults the host takes part in; each `take` uses up one strike of an injected fault. */
export interface HostFaults {
  /** A response code to decline the next financial request with, or null to decide as usual. */
  takeDecline(): string | null;
  /** Whether the next settlement finds the host's own totals out of balance. */
  takeUnbalanced(): boolean;
}

export const NO_HOST_FAULTS: HostFaults = { takeDecline: () => null, takeUnbalanced: () => false };

interface TerminalSession {
  merchantId: string;
  /** Null once settlement has signed the terminal out. */
  keys: WorkingKeys | null;
  batchNo: number;
  /** The last settlement's answer, repeated if the terminal, its answer lost, settles that batch again. */
  settled: { batchNo: number; macKey: Buffer; field48: string } | null;
}

export interface HostLogEntry {
  readonly at: string;
  readonly mti: string;
  readonly kind: string;
  readonly traceNo: string;
  /** Null when the host gave no answer. */
  readonly responseCode: string | null;
}

export interface HostSettlement {
  readonly terminalId: string;
  readonly batchNo: number;
  readonly terminalTotals: SettlementTotals;
  readonly hostTotals: SettlementTotals;
  readonly balanced: boolean;
}

type Answer = { readonly code: string; readonly fields: IsoFields; readonly macKey: Buffer | null } | null;

const ECHOED: readonly IsoFieldNumber[] = [2, 3, 4, 11, 25, 41, 42, 49, 60];
const LOG_LIMIT = 500;

/** The acquirer behind the terminal: accounts, approvals, reversals and settlement, spoken to in ISO 8583 bytes. */
export class BankHost {
  readonly accounts = new Accounts();
  readonly ledger = new HostLedger();
  private readonly sessions = new Map<string, TerminalSession>();
  private readonly log: HostLogEntry[] = [];
  private readonly settlements: HostSettlement[] = [];
  private sequence = 0;
  private readonly clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.clock = options.clock ?? systemClock;
  }

  /** The encoded answer to an encoded request, or null when the host stays silent; `faults` are the caller's. */
  handle(bytes: Buffer, faults: HostFaults = NO_HOST_FAULTS): Buffer | null {
    let request: IsoMessage;
    try {
      request = decodeIsoMessage(bytes);
    } catch (error) {
      if (error instanceof Iso8583Error) return null;
      throw error;
    }
    let answer: Answer;
    try {
      answer = this.process(request, bytes, faults);
    } catch (error) {
      if (!(error instanceof Iso8583Error)) throw error;
      answer = { code: '96', fields: {}, macKey: null };
    }
    this.remember(request, answer?.code ?? null);
    if (answer === null) return null;
    const fields: IsoFields = { 12: this.stamp().hhmmss, 13: this.stamp().mmdd, 39: answer.code, ...answer.fields };
    for (const number of ECHOED) if (request.fields[number] !== undefined) fields[number] ??= request.fields[number];
    const message = { mti: responseMti(request.mti), fields };
    return answer.macKey ? encodeWithMac(message, answer.macKey) : encodeIsoMessage(message);
  }

  private process(request: IsoMessage, bytes: Buffer, faults: HostFaults): Answer {
    if (request.mti === BANK_TRANSACTIONS.signIn.mti) return this.signIn(request);
    const terminalId = request.fields[41] ?? '';
    const session = this.sessions.get(terminalId);
    const repeated = session?.settled;
    if (request.mti === BANK_TRANSACTIONS.settlement.mti && repeated && hasValidMac(bytes, repeated.macKey)) {
      const sameBatch = decodeField60(request.fields[60]).batchNo === repeated.batchNo;
      if (sameBatch) return { code: '00', fields: { 48: repeated.field48 }, macKey: repeated.macKey };
    }
    if (!session?.keys || !hasValidMac(bytes, session.keys.macKey)) return { code: 'A0', fields: {}, macKey: null };
    const macKey = session.keys.macKey;
    const field60 = decodeField60(request.fields[60]);
    if (request.mti === REVERSAL_MTI) return this.reverse(request, terminalId, macKey);
    if (request.fields[42] !== session.merchantId) return { code: '03', fields: {}, macKey };
    if (field60.batchNo !== session.batchNo) return { code: '22', fields: {}, macKey };
    if (request.mti === BANK_TRANSACTIONS.settlement.mti) return this.settle(request, terminalId, session, faults);
    const kind = bankTransactionKind(request.mti, field60.typeCode);
    if (kind === null || kind === 'signIn' || kind === 'settlement') return { code: '12', fields: {}, macKey };
    const traceNo = Number(request.fields[11] ?? '0');
    const rrn = this.nextReference();
    if (kind !== 'balance' && this.ledger.findByTrace(terminalId, session.batchNo, traceNo)) {
      return { code: '94', fields: { 37: rrn }, macKey };
    }
    const forced = faults.takeDecline();
    const decision: Decision =
      forced !== null
        ? { code: forced }
        : authorise({
            kind,
            fields: request.fields,
            terminalId,
            accounts: this.accounts,
            ledger: this.ledger,
            pinKey: session.keys.pinKey,
            yymm: this.stamp().yyyymmdd.slice(2, 6),
          });
    if (decision === 'silent') return null;
    const fields: IsoFields = { 37: rrn };
    const issuer = this.accounts.find(decision.approval?.pan ?? request.fields[2])?.card.issuerCode;
    if (issuer) fields[44] = encodeField44(issuer, ACQUIRER_CODE);
    if (decision.balance) {
      const { account } = decision.balance;
      fields[54] = encodeField54(account.card.fundingType === 'C' ? '30' : '10', account.availableFen);
    }
    if (decision.approval) {
      const authCode = this.authCode();
      const entry: HostEntry = {
        ...decision.approval,
        terminalId,
        batchNo: session.batchNo,
        traceNo,
        rrn,
        authCode,
        mmdd: this.stamp().mmdd,
        state: 'approved',
        voided: false,
        refundedFen: 0,
        preAuthState: 'open',
      };
      this.ledger.add(entry);
      applyEffect(entry, this.accounts, 1);
      fields[4] = padDigits(entry.amountFen, 12);
      fields[38] = authCode;
    }
    return { code: decision.code, fields, macKey };
  }

  private signIn(request: IsoMessage): Answer {
    const field60 = decodeField60(request.fields[60]);
    const keys = newWorkingKeys();
    this.sessions.set(request.fields[41] ?? '', {
      merchantId: request.fields[42] ?? '',
      keys,
      batchNo: field60.batchNo,
      settled: null,
    });
    return { code: '00', fields: { 37: this.nextReference(), 62: encodeField62(keys) }, macKey: null };
  }

  /** Undoes the original if the host approved it; answers 00 either way, so the terminal can forget the reversal. */
  private reverse(request: IsoMessage, terminalId: string, macKey: Buffer): Answer {
    const field60 = decodeField60(request.fields[60]);
    const kind = reversedKind(field60.typeCode);
    const entry = this.ledger.findByTrace(terminalId, field60.batchNo, Number(request.fields[11] ?? '0'));
    if (entry && entry.state === 'approved' && entry.kind === kind) {
      applyEffect(entry, this.accounts, -1);
      entry.state = 'reversed';
    }
    return { code: '00', fields: {}, macKey };
  }

  private settle(request: IsoMessage, terminalId: string, session: TerminalSession, faults: HostFaults): Answer {
    const macKey = session.keys?.macKey ?? null;
    const terminalTotals = decodeField48(request.fields[48]).totals;
    const approved = this.ledger.batch(terminalId, session.batchNo).filter((entry) => entry.state === 'approved');
    const hostTotals = sumSettlementTotals(approved);
    if (faults.takeUnbalanced()) {
      hostTotals.domestic.debitCount += 1;
      hostTotals.domestic.debitAmountFen += 1;
    }
    const result = (same: boolean): BlockResult => (same ? '1' : '2');
    const domesticResult = result(sameTotalsBlock(terminalTotals.domestic, hostTotals.domestic));
    const foreignResult = result(sameTotalsBlock(terminalTotals.foreign, hostTotals.foreign));
    this.settlements.push({
      terminalId,
      batchNo: session.batchNo,
      terminalTotals,
      hostTotals,
      balanced: domesticResult === '1' && foreignResult === '1',
    });
    const field48 = encodeField48({ totals: terminalTotals, domesticResult, foreignResult });
    if (macKey) session.settled = { batchNo: session.batchNo, macKey, field48 };
    session.keys = null;
    session.batchNo = nextInCycle(session.batchNo, 999_999);
    return { code: '00', fields: { 37: this.nextReference(), 48: field48 }, macKey };
  }

  private stamp() {
    return localStamp(this.clock());
  }

  /** RRN: host time hhmmss and a 6-digit sequence, unique for a million answers a second. */
  private nextReference(): string {
    this.sequence = nextInCycle(this.sequence, 999_999);
    return this.stamp().hhmmss + padDigits(this.sequence, 6);
  }

  private authCode(): string {
    return padDigits((this.sequence * 7_919 + 104_729) % 1_000_000, 6);
  }

  private remember(request: IsoMessage, responseCode: string | null): void {
    const typeCode = (request.fields[60] ?? '').slice(0, 2);
    const kind =
      request.mti === REVERSAL_MTI
        ? `reversal of ${reversedKind(typeCode) ?? 'unknown'}`
        : (bankTransactionKind(request.mti, typeCode) ?? 'unknown');
    const at = this.clock().toISOString();
    this.log.push({ at, mti: request.mti, kind, traceNo: request.fields[11] ?? '', responseCode });
    if (this.log.length > LOG_LIMIT) this.log.shift();
  }

  /** What the control interface shows: PANs masked, like everywhere outside the host. */
  snapshot() {
    return {
      terminals: [...this.sessions].map(([terminalId, session]) => ({
        terminalId,
        merchantId: session.merchantId,
        signedIn: session.keys !== null,
        batchNo: session.batchNo,
      })),
      accounts: this.accounts.list().map((account) => ({
        kind: account.kind,
        cardNo: maskPan(account.card.pan),
        availableFen: account.availableFen,
      })),
      ledger: this.ledger.all().map((entry) => ({
        terminalId: entry.terminalId,
        batchNo: entry.batchNo,
        traceNo: entry.traceNo,
        kind: entry.kind,
        cardNo: maskPan(entry.pan),
        amountFen: entry.amountFen,
        rrn: entry.rrn,
        authCode: entry.authCode,
        state: entry.state,
        voided: entry.voided,
        refundedFen: entry.refundedFen,
        ...(entry.kind === 'preAuth' ? { preAuthState: entry.preAuthState } : {}),
      })),
      settlements: [...this.settlements],
      log: [...this.log],
    };
  }
}

export type BankHostSnapshot = ReturnType<BankHost['snapshot']>;
