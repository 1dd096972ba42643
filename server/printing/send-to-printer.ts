import net from 'node:net';

/** Sends raw bytes to a network receipt printer (raw TCP, usually port 9100) and waits until they are written. */
export function sendToPrinter(host: string, port: number, bytes: Uint8Array, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`Printer ${host}:${port} did not answer in time`)));
    socket.once('error', reject);
    socket.once('connect', () => socket.end(bytes));
    socket.once('close', (hadError) => {
      if (!hadError) resolve();
    });
  });
}
