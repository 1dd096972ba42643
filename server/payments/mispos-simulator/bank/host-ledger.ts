import type { ReversibleKind } from '../iso8583/bank-transactions';

/** A transaction the host approved; reversals and voids change its state, never remove it. */
export interface HostEntry {
  readonly terminalId: string;
  readonly batchNo: number;
  readonly traceNo: number;
  readonly kind: ReversibleKind;
  readonly pan: string;
  readonly cardOrg: string;
  readonly amountFen: number;
  readonly rrn: string;
  readonly authCode: string;
  /** Host date `MMDD`, which a refund's field 61 names. */
  readonly mmdd: string;
  /** What a void, refund or pre-auth operation refers to. */
  readonly original: HostEntry | null;
  state: 'approved' | 'reversed';
  voided: boolean;
  refundedFen: number;
  preAuthState: 'open' | 'cancelled' | 'completed';
}

export class HostLedger {
  private readonly entries: HostEntry[] = [];
  private readonly byRrn = new Map<string, HostEntry>();

  add(entry: HostEntry): void {
    this.entries.push(entry);
    this.byRrn.set(entry.rrn, entry);
  }

  findByRrn(rrn: string | undefined): HostEntry | null {
    return rrn === undefined ? null : (this.byRrn.get(rrn) ?? null);
  }

  findByTrace(terminalId: string, batchNo: number, traceNo: number): HostEntry | null {
    return (
      this.entries.find(
        (entry) => entry.terminalId === terminalId && entry.batchNo === batchNo && entry.traceNo === traceNo,
      ) ?? null
    );
  }

  all(): readonly HostEntry[] {
    return this.entries;
  }

  batch(terminalId: string, batchNo: number): HostEntry[] {
    return this.entries.filter((entry) => entry.terminalId === terminalId && entry.batchNo === batchNo);
  }
}
