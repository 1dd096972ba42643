import { afterEach } from 'vitest';
import { FakeTerminal, type TerminalScript } from './fake-terminal.test-support';
import type { LinkLogEntry } from './link-log';
import { TerminalLink, type TerminalLinkOptions } from './terminal-link';

/** Starts fake terminals for a test file and stops them after each test. */
export function fakeTerminals(): (...scripts: TerminalScript[]) => Promise<FakeTerminal> {
  const started: FakeTerminal[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((terminal) => terminal.stop()));
  });
  return async (...scripts) => {
    const terminal = await FakeTerminal.start(...scripts);
    started.push(terminal);
    return terminal;
  };
}

/** A link to `terminal` with timeouts no passing test waits for, unless `options` shorten them. */
export function linkTo(
  terminal: FakeTerminal,
  options: Partial<TerminalLinkOptions> = {},
): TerminalLink & { readonly logged: LinkLogEntry[] } {
  const logged: LinkLogEntry[] = [];
  const link = new TerminalLink({
    host: '127.0.0.1',
    port: terminal.port,
    ackTimeoutMs: 1_000,
    answerTimeoutMs: 5_000,
    connectTimeoutMs: 1_000,
    log: (entry) => logged.push(entry),
    ...options,
  });
  return Object.assign(link, { logged });
}

/** The log as `event kind/code` lines, for asserting the order of what happened on the wire. */
export const logLines = (entries: LinkLogEntry[]): string[] =>
  entries.map((entry) =>
    [
      entry.event,
      entry.messageKind,
      entry.statusCode,
      entry.respCode,
      entry.event === 'outcome' ? entry.note : undefined,
    ]
      .filter((part) => part !== undefined)
      .join(' '),
  );
