'use client';

import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import type { LaneSession, LaneStore, OutboxEntry } from '../storage/lane-store';

/** A sale that failed for a reason a retry will not fix (not a network failure). */
const isRejection = (error: unknown) =>
  error instanceof TRPCClientError && typeof error.data?.httpStatus === 'number' && error.data.httpStatus < 500;

/** Refused only until a card payment's outcome is known: the sale waits in the outbox, it is not rejected. */
const waitsForCardOutcome = (error: unknown) =>
  error instanceof TRPCClientError &&
  (error.data as { reason?: string } | undefined)?.reason === 'card.outcome-unknown';

/**
 * The lane's outbox and its link to the server: every 5 s while a cashier is signed in, waiting sales go up in
 * order, then stock and catalog come down. `online` is what the last request found.
 */
export function useLaneSync({
  storeRef,
  ready,
  session,
  refreshStock,
  refreshCatalog,
}: {
  storeRef: RefObject<LaneStore | null>;
  ready: boolean;
  session: LaneSession | null;
  refreshStock: () => Promise<void>;
  refreshCatalog: () => Promise<void>;
}) {
  const client = useTRPCClient();
  const syncing = useRef(false);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [online, setOnline] = useState(true);

  const flushOutbox = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    for (const entry of await store.pending()) {
      if (entry.rejected || entry.seq === undefined) continue;
      try {
        await client.lane.finalizeSale.mutate(entry.input);
        await store.acknowledge(entry.seq);
        setOnline(true);
      } catch (error) {
        if (waitsForCardOutcome(error)) continue;
        if (isRejection(error)) {
          await store.reject(entry, error instanceof Error ? error.message : String(error));
          continue;
        }
        setOnline(false);
        break;
      }
    }
    setOutbox(await store.pending());
  }, [client, storeRef]);

  /** Uploads waiting sales, then refreshes the catalog; either failing to reach the server shows the lane offline. */
  const sync = useCallback(async () => {
    // A first download of a large catalog outlasts the timer: one sync at a time.
    if (syncing.current) return;
    syncing.current = true;
    try {
      await flushOutbox();
      await refreshStock();
      await refreshCatalog();
      setOnline(true);
    } catch {
      setOnline(false);
    } finally {
      syncing.current = false;
    }
  }, [flushOutbox, refreshCatalog, refreshStock]);

  useEffect(() => {
    if (!ready || !session) return;
    const first = setTimeout(() => void sync(), 0);
    const timer = setInterval(() => void sync(), 5_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ready, session, sync]);

  return { outbox, setOutbox, online, flushOutbox };
}
