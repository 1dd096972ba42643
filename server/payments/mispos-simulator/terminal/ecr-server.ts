import { createServer, type AddressInfo, type Socket } from 'node:net';
import { EcrLink } from './ecr-link';
import type { Terminal } from './terminal';

export interface EcrServerOptions {
  readonly host: string;
  readonly port: number;
  readonly ackTimeoutMs: number;
  readonly nakAnyway: () => boolean;
}

export interface EcrServer {
  readonly port: number;
  readonly connections: () => number;
  close(): Promise<void>;
}

const PARTIAL_FRAME_TIMEOUT_MS = 1_000;

/** The terminal's TCP port for the ECR (section 1). */
export async function startEcrServer(terminal: Terminal, options: EcrServerOptions): Promise<EcrServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setNoDelay(true);
    new EcrLink(socket, {
      ackTimeoutMs: options.ackTimeoutMs,
      partialFrameTimeoutMs: PARTIAL_FRAME_TIMEOUT_MS,
      nakAnyway: options.nakAnyway,
      onFrame: (body, link) => terminal.onFrame(body, link),
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
