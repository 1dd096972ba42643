import { maskPan } from './bank/test-cards';
import type { BankHost } from './bank/bank-host';
import type { CardholderSettings } from './control/cardholder-settings';
import type { Faults } from './control/faults';
import type { JournalEntry } from './terminal/journal';
import type { Terminal } from './terminal/terminal';
import type { TerminalConfig } from './terminal/terminal-config';
import type { TerminalState } from './terminal/terminal-state';

export interface StateViewParts {
  readonly config: TerminalConfig;
  readonly state: TerminalState;
  readonly terminal: Terminal;
  readonly cardholder: CardholderSettings;
  readonly faults: Faults;
  readonly bankHost: BankHost;
  readonly connections: () => number;
}

const entryView = (entry: JournalEntry) => ({
  voucherNo: entry.voucherNo,
  batchNo: entry.batchNo,
  txnType: entry.txnType,
  kind: entry.kind,
  outcome: entry.outcome,
  respCode: entry.response.respCode,
  amountFen: entry.amountFen,
  cardNo: maskPan(entry.card.pan),
  cardOrg: entry.card.cardOrg,
  rrn: entry.rrn,
  /** The slip's date (yyyymmdd), which a refund names. */
  txnDate: entry.response.txnDate,
  authCode: entry.authCode,
  voided: entry.voided,
  ecrRef: entry.response.ecrRef,
});

/** `GET /state`: the terminal, the cardholder, the faults and the bank host, with PANs masked. */
export function stateView(parts: StateViewParts) {
  const { config, state } = parts;
  const reversalView = (reversal: TerminalState['reversals'][number]) => ({
    voucherNo: reversal.voucherNo,
    batchNo: reversal.batchNo,
    tries: reversal.tries,
  });
  return {
    terminal: {
      terminalId: config.terminalId,
      merchantId: config.merchantId,
      merchantName: config.merchantName,
      signedIn: state.signedIn,
      batchNo: state.batchNo,
      batchSettled: state.batchSettled,
      lastVoucherNo: state.lastVoucherNo,
      inFlight: parts.terminal.snapshot(),
      ecrConnections: parts.connections(),
      journal: state.journal.map(entryView),
      previousBatch: state.previousJournal.map(entryView),
      pendingReversals: state.reversals.map(reversalView),
      abandonedReversals: state.abandonedReversals.map(reversalView),
      lastSettlement: state.lastSettlement && {
        batchNo: state.lastSettlement.batchNo,
        totals: state.lastSettlement.totals,
        message: state.lastSettlement.message,
      },
    },
    cardholder: parts.cardholder.snapshot(),
    faults: parts.faults.list(),
    bank: parts.bankHost.snapshot(),
  };
}

export type SimulatorState = ReturnType<typeof stateView>;
