import iconv from 'iconv-lite';
import { z } from 'zod';
import { BankHost } from './bank/bank-host';
import { inProcessBankLink } from './bank/bank-link';
import { CardholderSettings } from './control/cardholder-settings';
import { startControlServer } from './control/control-server';
import { Faults } from './control/faults';
import { systemClock, type Clock } from './local-time';
import { stateView, type SimulatorState } from './state-view';
import { startEcrServer } from './terminal/ecr-server';
import { Terminal } from './terminal/terminal';
import type { TerminalConfig } from './terminal/terminal-config';
import { TerminalState } from './terminal/terminal-state';

const milliseconds = z.number().int().min(0).max(600_000);
const port = z.number().int().min(0).max(65_535);
const ascii = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/, 'must be printable ASCII without outer spaces');

export const MisposSimulatorOptionsSchema = z.strictObject({
  /** The ECR port (section 1); 0 picks a free one. */
  port: port.default(9100),
  /** The control interface's port on 127.0.0.1; default `port + 1`, or a free one when `port` is 0. */
  controlPort: port.optional(),
  /** Where the ECR port listens. */
  host: z.string().default('127.0.0.1'),
  merchantId: ascii(15).default('898310048990001'),
  terminalId: ascii(8).default('10000001'),
  merchantName: z
    .string()
    .min(1)
    .max(40)
    .refine((name) => iconv.decode(iconv.encode(name, 'gbk'), 'gbk') === name, 'must be GBK text')
    .default('Lanekeeper 演示超市'),
  cardDelayMs: milliseconds.default(800),
  pinDelayMs: milliseconds.default(800),
  /** Round trip to the bank host when nothing is wrong. */
  bankLatencyMs: milliseconds.default(150),
  bankTimeoutMs: milliseconds.default(5_000),
  ackTimeoutMs: milliseconds.default(2_000),
  /** Where the batch and voucher numbers start, e.g. to continue after a restart. */
  batchNo: z.number().int().min(1).max(999_999).default(1),
  lastVoucherNo: z.number().int().min(0).max(999_999).default(0),
});
export type MisposSimulatorOptions = z.input<typeof MisposSimulatorOptionsSchema> & {
  /** One acquirer for several terminals (e.g. one per lane); by default each simulator has its own. */
  bankHost?: BankHost;
  clock?: Clock;
  log?: (line: string) => void;
};

export interface MisposSimulator {
  readonly host: string;
  readonly port: number;
  readonly controlPort: number;
  readonly bankHost: BankHost;
  state(): SimulatorState;
  close(): Promise<void>;
}

/** A simulated MIS-POS terminal with its bank host, listening for an ECR and for control requests. */
export async function startMisposSimulator(options: MisposSimulatorOptions = {}): Promise<MisposSimulator> {
  const { bankHost: sharedHost, clock = systemClock, log = () => {}, ...rest } = options;
  const settings = MisposSimulatorOptionsSchema.parse(rest);
  const config: TerminalConfig = {
    merchantId: settings.merchantId,
    terminalId: settings.terminalId,
    merchantName: settings.merchantName,
    cardDelayMs: settings.cardDelayMs,
    pinDelayMs: settings.pinDelayMs,
    bankTimeoutMs: settings.bankTimeoutMs,
    ackTimeoutMs: settings.ackTimeoutMs,
    clock,
  };
  const bankHost = sharedHost ?? new BankHost({ clock });
  const faults = new Faults();
  const cardholder = new CardholderSettings();
  const state = new TerminalState(settings.batchNo, settings.lastVoucherNo);
  const bankLink = inProcessBankLink(bankHost, settings.bankLatencyMs, faults);
  const terminal = new Terminal({ config, state, cardholder, faults, bankLink }, log);
  const ecr = await startEcrServer(terminal, {
    host: settings.host,
    port: settings.port,
    ackTimeoutMs: settings.ackTimeoutMs,
    nakAnyway: () => faults.take('nakStorm') !== null,
  });
  const view = () => stateView({ config, state, terminal, cardholder, faults, bankHost, connections: ecr.connections });
  const controlPort = settings.controlPort ?? (settings.port === 0 ? 0 : settings.port + 1);
  let control;
  try {
    control = await startControlServer({ faults, cardholder, state: view }, controlPort);
  } catch (error) {
    await ecr.close();
    throw error;
  }
  return {
    host: settings.host,
    port: ecr.port,
    controlPort: control.port,
    bankHost,
    state: view,
    close: async () => {
      await Promise.all([ecr.close(), control.close()]);
    },
  };
}
