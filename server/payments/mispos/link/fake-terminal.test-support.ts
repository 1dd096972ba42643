import net from 'node:net';
import {
  ACK,
  decodeMessage,
  encodeFrame,
  encodeMessage,
  FrameReader,
  NAK,
  type FrameEvent,
  type MessageKind,
  type MisposMessage,
  type MisposRequest,
} from '../index';

/** What the fake terminal got from the ECR, in order. */
export type Received =
  | { type: 'message'; message: MisposMessage; frameBody: Buffer }
  | { type: 'undecodable'; frameBody: Buffer }
  | { type: 'ack' }
  | { type: 'nak' }
  | { type: 'bad-frame' }
  | { type: 'closed' };

function toReceived(event: FrameEvent): Received {
  if (event.type !== 'frame') return event.type === 'bad-frame' ? { type: 'bad-frame' } : { type: event.type };
  try {
    return { type: 'message', message: decodeMessage(event.body), frameBody: event.body };
  } catch {
    return { type: 'undecodable', frameBody: event.body };
  }
}

/** One ECR connection, driven step by step by a test's script. */
export class FakeTerminalConnection {
  private readonly reader = new FrameReader();
  private readonly queue: Received[] = [];
  private wake: (() => void) | undefined;

  constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.reader.push(chunk).forEach((event) => this.enqueue(toReceived(event))));
    socket.on('error', () => {});
    socket.once('close', () => this.enqueue({ type: 'closed' }));
  }

  async next(): Promise<Received> {
    for (;;) {
      const received = this.queue.shift();
      if (received) return received;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** The next thing received must be a frame holding a message of `kind`; it is answered with `reply`. */
  async receive(kind: MessageKind, reply: 'ack' | 'nak' | 'none' = 'ack'): Promise<MisposMessage> {
    const received = await this.next();
    if (received.type !== 'message' || received.message.kind !== kind) {
      throw new Error(`the fake terminal expected ${kind}, got ${describeReceived(received)}`);
    }
    if (reply === 'ack') this.ack();
    if (reply === 'nak') this.nak();
    return received.message;
  }

  async receiveRequest(reply: 'ack' | 'nak' | 'none' = 'ack'): Promise<MisposRequest> {
    const message = await this.receive('RQ', reply);
    if (message.kind !== 'RQ') throw new Error('unreachable');
    return message.request;
  }

  /** The next thing received must be of `type` (an ACK, a NAK, or the ECR closing the connection). */
  async expectNext(type: 'ack' | 'nak' | 'closed'): Promise<void> {
    const received = await this.next();
    if (received.type !== type)
      throw new Error(`the fake terminal expected ${type}, got ${describeReceived(received)}`);
  }

  /** Sends `message` in a frame and returns the ECR's answer to it. */
  async send(message: MisposMessage): Promise<'ack' | 'nak'> {
    this.write(encodeFrame(encodeMessage(message)));
    return this.replyByte();
  }

  /** Sends raw bytes and returns the ECR's ACK or NAK. */
  async sendRaw(bytes: Buffer): Promise<'ack' | 'nak'> {
    this.write(bytes);
    return this.replyByte();
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  ack(): void {
    this.write(Buffer.of(ACK));
  }

  nak(): void {
    this.write(Buffer.of(NAK));
  }

  /** Closes the connection from the terminal's side, once what was written has gone out. */
  hangUp(): void {
    this.socket.end();
  }

  private async replyByte(): Promise<'ack' | 'nak'> {
    const received = await this.next();
    if (received.type !== 'ack' && received.type !== 'nak') {
      throw new Error(`the fake terminal expected ACK or NAK, got ${describeReceived(received)}`);
    }
    return received.type;
  }

  private enqueue(received: Received): void {
    this.queue.push(received);
    this.wake?.();
  }
}

const describeReceived = (received: Received): string =>
  received.type === 'message' ? `a ${received.message.kind} frame` : received.type;

export type TerminalScript = (connection: FakeTerminalConnection) => Promise<void>;

/**
 * A scripted terminal on a free local port: the n-th ECR connection runs the n-th script. A connection beyond the
 * scripts fails `finished()`. A failing script drops its connection, so the ECR side does not wait for it.
 */
export class FakeTerminal {
  private readonly runs: Promise<void>[] = [];
  private readonly sockets = new Set<net.Socket>();

  private readonly scripts: TerminalScript[] = [];

  private constructor(private readonly server: net.Server) {
    server.on('connection', (socket) => this.onConnection(socket));
  }

  static async start(...scripts: TerminalScript[]): Promise<FakeTerminal> {
    const server = net.createServer();
    const terminal = new FakeTerminal(server).script(...scripts);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return terminal;
  }

  /** Adds scripts for the next connections, for a script that needs the link made after the port was known. */
  script(...scripts: TerminalScript[]): this {
    this.scripts.push(...scripts);
    return this;
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the fake terminal is not listening');
    return address.port;
  }

  get connectionCount(): number {
    return this.runs.length;
  }

  /** Waits for every script started so far and rethrows the first failure. */
  async finished(): Promise<void> {
    await Promise.all(this.runs);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const script = this.scripts[this.runs.length];
    const connection = new FakeTerminalConnection(socket);
    const run = script
      ? script(connection)
      : Promise.reject(new Error(`unexpected connection #${this.runs.length + 1}`));
    const failing = run.catch((error: unknown) => {
      socket.destroy();
      throw error;
    });
    failing.catch(() => {});
    this.runs.push(failing);
  }
}
