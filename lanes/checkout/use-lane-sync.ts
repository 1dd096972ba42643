'use client';

import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import type { LaneSession, LaneStore, OutboxEntry } from '../storage/lane-store';
import { useReachability } from './use-reachability';

/** A sale that failed for a reason a retry will not fix (not a network failure). */
const isRejection = (error: unknown) =>
  error instanceof TRPCClientError && typeof error.data?.httpStatus === 'number' && error.data.httpStatus < 500;

/** Refused only until a card payment's outcome is known: the sale waits in the outbox, it is not rejected. */
const waitsForCardOutcome = (error: unknown) =>
  error instanceof TRPCClientError &&
  (error.data as { reason?: string } | undefined)?.reason === 'card.outcome-unknown';

/**
 * The lane's outbox and its link to the server: every 5 s while a cashier is signed in, and as soon as the server
 * can be reached again, waiting sales go up in order, then stock and catalog come down. `online` is the server's
 * reachability (`useReachability`); a failed request only asks for a fresh probe.
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
  const { online, recheck } = useReachability();

  const flushOutbox = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    for (const entry of await store.pending()) {
      if (entry.rejected || entry.seq === undefined) continue;
      try {
        await client.lane.finalizeSale.mutate(entry.input);
        await store.acknowledge(entry.seq);
      } catch (error) {
        if (waitsForCardOutcome(error)) continue;
        if (isRejection(error)) {
          await store.reject(entry, error instanceof Error ? error.message : String(error));
          continue;
        }
        recheck();
        break;
      }
    }
    setOutbox(await store.pending());
  }, [client, recheck, storeRef]);

  /** Uploads waiting sales, then refreshes stock and catalog; a failure asks whether the server can be reached. */
  const sync = useCallback(async () => {
    // A first download of a large catalog outlasts the timer: one sync at a time.
    if (syncing.current) return;
    syncing.current = true;
    try {
      await flushOutbox();
      await refreshStock();
      await refreshCatalog();
    } catch {
      recheck();
    } finally {
      syncing.current = false;
    }
  }, [flushOutbox, recheck, refreshCatalog, refreshStock]);

  useEffect(() => {
    if (!ready || !session || !online) return;
    const first = setTimeout(() => void sync(), 0);
    const timer = setInterval(() => void sync(), 5_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [online, ready, session, sync]);

  return { outbox, setOutbox, online, flushOutbox };
}
