import type { Clock } from '../local-time';

export interface TerminalConfig {
  readonly merchantId: string;
  readonly terminalId: string;
  /** Printed on slips, GBK. */
  readonly merchantName: string;
  /** How long the simulated cardholder takes to present a card, and to type the PIN. */
  readonly cardDelayMs: number;
  readonly pinDelayMs: number;
  /** How long the terminal waits for the bank before answering `Z1` (or `98`). */
  readonly bankTimeoutMs: number;
  /** How long the terminal waits for the ECR's ACK before sending a frame again. */
  readonly ackTimeoutMs: number;
  readonly clock: Clock;
}
