import { createHash } from 'node:crypto';
import { z } from 'zod';

/** How far a running preview or apply is: lines of the file checked against the catalog, then lines written. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  total: number;
  checked: number;
  written: number;
}

/** What the import services tell as they go; the default tells no one. */
export interface ImportProgressReporter {
  checking(total: number, checked: number): Promise<void>;
  writing(total: number, written: number): Promise<void>;
  finish(): void;
}

interface Running extends ImportProgress {
  watcherKeyHash: string;
}

// Kept on globalThis: every route bundle of the server process must see the same map.
const globalForProgress = globalThis as typeof globalThis & { __lanekeeperImportProgress?: Map<string, Running> };
const running = (globalForProgress.__lanekeeperImportProgress ??= new Map());

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

// Lets the event loop answer progress polls between chunks of a long import.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export const silentProgress: ImportProgressReporter = {
  checking: async () => {},
  writing: async () => {},
  finish: () => {},
};

/**
 * Follows an import by its client-made id, readable only with the key of whoever started it (their session), so a
 * poll needs no database: on PGlite the import's transaction holds the database until it ends.
 */
export function trackImportProgress(importId: string, watcherKey: string): ImportProgressReporter {
  const entry: Running = { phase: 'checking', total: 0, checked: 0, written: 0, watcherKeyHash: hash(watcherKey) };
  running.set(importId, entry);
  return {
    checking: async (total, checked) => {
      Object.assign(entry, { phase: 'checking', total, checked });
      await breathe();
    },
    writing: async (total, written) => {
      Object.assign(entry, { phase: 'writing', total, written });
      await breathe();
    },
    finish: () => {
      if (running.get(importId) === entry) running.delete(importId);
    },
  };
}

export const ReadImportProgressInput = z.object({ importId: z.uuid(), watcherKey: z.string().min(1) });

/** The progress of a running import for the session that started it; null when none runs (or it is another's). */
export function readImportProgress(input: z.input<typeof ReadImportProgressInput>): ImportProgress | null {
  const parsed = ReadImportProgressInput.safeParse(input);
  if (!parsed.success) return null;
  const entry = running.get(parsed.data.importId);
  if (!entry || entry.watcherKeyHash !== hash(parsed.data.watcherKey)) return null;
  return { phase: entry.phase, total: entry.total, checked: entry.checked, written: entry.written };
}
