import { setTimeout as sleep } from 'node:timers/promises';
import type { MisposRequest, MisposResponse, StatusCode } from '../../mispos';
import type { BankLink } from '../bank/bank-link';
import { TEST_CARDS, type TestCardKind } from '../bank/test-cards';
import type { CardholderSettings } from '../control/cardholder-settings';
import type { Faults } from '../control/faults';
import type { CardOnFile } from './journal';
import { blankResponse } from './responses';
import type { TerminalConfig } from './terminal-config';
import type { TerminalState } from './terminal-state';

export interface TerminalParts {
  readonly config: TerminalConfig;
  readonly state: TerminalState;
  readonly cardholder: CardholderSettings;
  readonly faults: Faults;
  readonly bankLink: BankLink;
}

/** `card` and `pin` are the phases a `CN` may cancel. */
export type Phase = 'starting' | 'card' | 'pin' | 'online' | 'printing';

export interface CardAndPin {
  readonly card: CardOnFile;
  /** What the cardholder typed; null for a card without PIN. */
  readonly pin: string | null;
}

export interface TransactionOutcome {
  readonly response: MisposResponse;
  /** The host approved: only such answers are lost or held on purpose (amount 97, `dropConnection`, `answerDelay`). */
  readonly approvedByHost: boolean;
}

/** The transaction in flight: its request, phase and status reports, and the cardholder's part in it. */
export class TransactionContext {
  phase: Phase = 'starting';
  /** The batch the request arrived in; its answer is remembered under it. */
  readonly batchNo: number;
  private readonly abort = new AbortController();

  constructor(
    readonly request: MisposRequest,
    readonly parts: TerminalParts,
    private readonly sendStatus: (code: StatusCode) => void,
  ) {
    this.batchNo = parts.state.batchNo;
  }

  get state(): TerminalState {
    return this.parts.state;
  }

  get config(): TerminalConfig {
    return this.parts.config;
  }

  status(code: StatusCode): void {
    this.sendStatus(code);
  }

  /** Honoured only while waiting for card or PIN (section 1); true if it was. */
  cancel(): boolean {
    if (this.phase !== 'card' && this.phase !== 'pin') return false;
    this.abort.abort();
    return true;
  }

  answer(respCode: string, overrides: Partial<MisposResponse> = {}): MisposResponse {
    return { ...blankResponse(this.config, this.state.batchNo, this.request, respCode), ...overrides };
  }

  /** Status 01, the card (the control interface's choice, else `fallback`), then status 02 and the PIN; null if cancelled. */
  async readCardAndPin(fallback: TestCardKind): Promise<CardAndPin | null> {
    const { cardholder, faults } = this.parts;
    this.phase = 'card';
    this.status('01');
    const delayMs = faults.take('lateCard')?.ms ?? this.config.cardDelayMs;
    if (!(await this.pause(delayMs))) return null;
    if (!(await cardholder.waitUntil(() => !cardholder.cardHeld, this.abort.signal))) return null;
    const kind = cardholder.takeChosenCard() ?? fallback;
    const testCard = TEST_CARDS[kind];
    const card: CardOnFile = {
      kind,
      pan: testCard.pan,
      cardOrg: testCard.cardOrg,
      fundingType: testCard.fundingType,
      needsPin: testCard.pin !== null,
      issuerCode: '0000',
    };
    if (!card.needsPin) {
      this.phase = 'online';
      return { card, pin: null };
    }
    this.phase = 'pin';
    this.status('02');
    if (!(await this.pause(this.config.pinDelayMs))) return null;
    if (!(await cardholder.waitUntil(() => !cardholder.pinPadHeld, this.abort.signal))) return null;
    this.phase = 'online';
    return { card, pin: testCard.typedPin };
  }

  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, undefined, { signal: this.abort.signal });
      return true;
    } catch (error) {
      if (this.abort.signal.aborted) return false;
      throw error;
    }
  }
}
