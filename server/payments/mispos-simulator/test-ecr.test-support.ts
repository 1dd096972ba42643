import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import {
  ACK,
  decodeMessage,
  encodeFrame,
  encodeMessage,
  FrameReader,
  MisposCodecError,
  NAK,
  type MisposMessage,
  type MisposRequest,
  type MisposResponse,
  type StatusCode,
} from '../mispos';
import type { FaultsInput } from './control/faults';
import type { CardInput } from './control/cardholder-settings';
import { startMisposSimulator, type MisposSimulator, type MisposSimulatorOptions } from './start-mispos-simulator';

export type EcrEvent =
  | { readonly type: 'ack' }
  | { readonly type: 'nak' }
  | { readonly type: 'frame'; readonly body: Buffer; readonly message: MisposMessage }
  | { readonly type: 'unreadable-frame'; readonly body: Buffer }
  | { readonly type: 'bad-frame' }
  | { readonly type: 'closed' };

const WAIT_MS = 2_000;

/** A raw-socket ECR for tests: frames through the real codec, every event kept in order for the test to inspect. */
export class TestEcr {
  private readonly reader = new FrameReader();
  private readonly events: EcrEvent[] = [];
  private wake: (() => void) | null = null;
  /** Which incoming frames to NAK instead of ACK (the frame is still reported). */
  nakPolicy: (message: MisposMessage | null) => boolean = () => false;
  /** Frames that arrived, in order, including ones NAKed. */
  readonly frames: MisposMessage[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      for (const event of this.reader.push(chunk)) {
        if (event.type === 'frame') {
          const message = readable(event.body);
          socket.write(Buffer.of(this.nakPolicy(message) ? NAK : ACK));
          if (message) this.frames.push(message);
          this.push(
            message ? { type: 'frame', body: event.body, message } : { type: 'unreadable-frame', body: event.body },
          );
        } else if (event.type === 'bad-frame') {
          socket.write(Buffer.of(NAK));
          this.push({ type: 'bad-frame' });
        } else {
          this.push({ type: event.type });
        }
      }
    });
    socket.on('close', () => this.push({ type: 'closed' }));
    socket.on('error', () => {});
  }

  static connect(port: number): Promise<TestEcr> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new TestEcr(socket)));
      socket.setNoDelay(true);
      socket.once('error', reject);
    });
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  sendFrame(message: MisposMessage): void {
    this.write(encodeFrame(encodeMessage(message)));
  }

  /** The next event matching `wanted`, removing it (and nothing else) from the queue. */
  async next(wanted: (event: EcrEvent) => boolean = () => true, timeoutMs = WAIT_MS): Promise<EcrEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex(wanted);
      if (index !== -1) return this.events.splice(index, 1)[0] as EcrEvent;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such event within ${timeoutMs} ms; have ${JSON.stringify(this.kinds())}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Sends a request and waits for its ACK. */
  async sendRequest(request: MisposRequest): Promise<void> {
    this.sendFrame({ kind: 'RQ', request });
    await this.next((event) => event.type === 'ack');
  }

  /** The statuses and the final response of one request, in the order they came. */
  async transact(
    request: MisposRequest,
    timeoutMs = WAIT_MS,
  ): Promise<{ statuses: StatusCode[]; response: MisposResponse }> {
    await this.sendRequest(request);
    const statuses: StatusCode[] = [];
    for (;;) {
      const event = await this.next((e) => e.type === 'frame' || e.type === 'closed', timeoutMs);
      if (event.type !== 'frame') throw new Error('connection closed before the response');
      if (event.message.kind === 'ST') statuses.push(event.message.status.code);
      if (event.message.kind === 'RS') return { statuses, response: event.message.response };
    }
  }

  /** Event kinds still queued, for failure messages and for checking nothing else arrived. */
  kinds(): string[] {
    return this.events.map((event) => (event.type === 'frame' ? event.message.kind : event.type));
  }

  close(): void {
    this.socket.destroy();
  }

  private push(event: EcrEvent): void {
    this.events.push(event);
    this.wake?.();
    this.wake = null;
  }
}

function readable(body: Buffer): MisposMessage | null {
  try {
    return decodeMessage(body);
  } catch (error) {
    if (error instanceof MisposCodecError) return null;
    throw error;
  }
}

let nonce = 0;

/** A request with a fresh ecrRef and nonce; the test says what the transaction is. */
export function ecrRequest(overrides: Partial<MisposRequest> & Pick<MisposRequest, 'txnType'>): MisposRequest {
  nonce = (nonce + 7) % 1000;
  return {
    cardKind: '00',
    posId: 'L01',
    operatorId: '1001',
    amountFen: 0,
    origDate: null,
    origRefNo: '',
    origVoucherNo: 0,
    origAuthCode: '',
    ecrRef: randomUUID().replaceAll('-', ''),
    nonce,
    ...overrides,
  };
}

/** Quick cardholder and bank, so that each test takes milliseconds. */
export const FAST: MisposSimulatorOptions = {
  port: 0,
  cardDelayMs: 2,
  pinDelayMs: 2,
  bankLatencyMs: 1,
  bankTimeoutMs: 80,
  ackTimeoutMs: 300,
};

export interface TestRig {
  readonly simulator: MisposSimulator;
  readonly ecr: TestEcr;
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  faults(input: FaultsInput): Promise<void>;
  card(input: CardInput): Promise<void>;
  signIn(): Promise<MisposResponse>;
  sale(amountFen: number): Promise<{ statuses: StatusCode[]; response: MisposResponse }>;
  close(): Promise<void>;
}

export async function startRig(options: MisposSimulatorOptions = {}): Promise<TestRig> {
  const simulator = await startMisposSimulator({ ...FAST, ...options });
  const ecr = await TestEcr.connect(simulator.port);
  const control: TestRig['control'] = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${simulator.controlPort}${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const expectOk = async (path: string, body: unknown) => {
    const { status, json } = await control('POST', path, body);
    if (status !== 200) throw new Error(`POST ${path}: ${status} ${JSON.stringify(json)}`);
  };
  return {
    simulator,
    ecr,
    control,
    faults: (input) => expectOk('/faults', input),
    card: (input) => expectOk('/card', input),
    signIn: async () => (await ecr.transact(ecrRequest({ txnType: '05' }))).response,
    sale: (amountFen) => ecr.transact(ecrRequest({ txnType: '00', amountFen })),
    close: async () => {
      ecr.close();
      await simulator.close();
    },
  };
}
