import type { MisposResponse } from '../../mispos';
import { nextInCycle } from '../digits';
import type { IsoMessage } from '../iso8583/field-specs';
import type { WorkingKeys } from '../iso8583/working-keys';
import type { JournalEntry } from './journal';

export interface PendingReversal {
  readonly voucherNo: number;
  readonly batchNo: number;
  readonly message: IsoMessage;
  tries: number;
}

const MAX_NUMBER = 999_999;

/** Everything a terminal remembers between transactions: sign-in, batch, vouchers, journal, answers, reversals. */
export class TerminalState {
  keys: WorkingKeys | null = null;
  /** True from settlement until the next sign-in: a second settlement is `X4`. */
  batchSettled = false;
  journal: JournalEntry[] = [];
  previousJournal: JournalEntry[] = [];
  readonly reversals: PendingReversal[] = [];
  readonly abandonedReversals: PendingReversal[] = [];
  lastSettlement: MisposResponse | null = null;
  private readonly answers = new Map<string, { batchNo: number; response: MisposResponse }>();

  constructor(
    public batchNo: number,
    public lastVoucherNo: number,
  ) {}

  get signedIn(): boolean {
    return this.keys !== null;
  }

  nextVoucherNo(): number {
    this.lastVoucherNo = nextInCycle(this.lastVoucherNo, MAX_NUMBER);
    return this.lastVoucherNo;
  }

  /** The trace a sign-in or settlement carries: the next voucher number, not used up. */
  peekVoucherNo(): number {
    return nextInCycle(this.lastVoucherNo, MAX_NUMBER);
  }

  signIn(keys: WorkingKeys): void {
    this.keys = keys;
    this.batchSettled = false;
  }

  signOut(): void {
    this.keys = null;
  }

  /** Settlement: the batch becomes the previous one, the next opens on the next sign-in. */
  closeBatch(settlement: MisposResponse): void {
    this.previousJournal = this.journal;
    this.journal = [];
    this.lastSettlement = settlement;
    for (const [ecrRef, answer] of this.answers) if (answer.batchNo < this.batchNo) this.answers.delete(ecrRef);
    this.batchNo = nextInCycle(this.batchNo, MAX_NUMBER);
    this.keys = null;
    this.batchSettled = true;
  }

  /** A voucher of the current batch; 0 is the last one. */
  findVoucher(voucherNo: number, journal = this.journal): JournalEntry | null {
    if (voucherNo === 0) return journal.at(-1) ?? null;
    return journal.find((entry) => entry.voucherNo === voucherNo) ?? null;
  }

  findByReference(rrn: string): JournalEntry | null {
    return [...this.journal, ...this.previousJournal].find((entry) => entry.rrn === rrn) ?? null;
  }

  remember(ecrRef: string, batchNo: number, response: MisposResponse): void {
    this.answers.set(ecrRef, { batchNo, response });
  }

  /** The final answer to `ecrRef` in the current or previous batch. */
  answerTo(ecrRef: string): MisposResponse | null {
    return this.answers.get(ecrRef)?.response ?? null;
  }
}
