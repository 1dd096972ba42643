'use client';

import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import {
  approvedUpTo,
  needsNegativeStockApproval,
  stockTaken,
  type NegativeStockPolicy,
} from '@/server/domain/negative-stock';
import type { LaneSession, LaneStore } from '../storage/lane-store';
import { stockChangeOf, type Cart, type CartAction } from './cart';
import type { ScanTiming } from './lane-timing';
import { whenIdle } from './when-idle';

/** On-hand figures read per step: plain numbers, so more at a time. */
const ON_HAND_FILL_STEP = 5000;

/** A cart change that waits for a supervisor: it would sell more of a product than is known on hand. */
export interface NegativeStockRequest {
  action: CartAction;
  productId: string;
  nameZh: string;
  unit: 'each' | 'kg';
  onHand: number;
  heldAfter: number;
}

/**
 * Each product's on hand and the store's negative stock policy: downloaded into IndexedDB (`refreshStock`), filled
 * into memory in idle steps, lowered by the lane's own sales, and asked before a cart change (`negativeStockRequest`).
 */
export function useOnHand({
  storeRef,
  ready,
  session,
  initialPolicy,
  cartNowRef,
  scanTiming,
}: {
  storeRef: RefObject<LaneStore | null>;
  ready: boolean;
  session: LaneSession | null;
  initialPolicy: NegativeStockPolicy;
  /** The cart as last rendered, for the stock check made before a change is dispatched. */
  cartNowRef: RefObject<Cart>;
  scanTiming: ScanTiming;
}) {
  const client = useTRPCClient();
  const policy = useRef(initialPolicy);
  /** On hand by product, filled from IndexedDB after opening (complete) and kept current by stock downloads. */
  const onHand = useRef({ figures: new Map<string, number>(), complete: false });
  /** Whether on hand was ever downloaded: until then the lane knows no figure and blocks nothing. */
  const stockKnown = useRef(false);

  /** Fills on hand in memory from IndexedDB in idle steps, once per page load; figures downloaded meanwhile win. */
  useEffect(() => {
    const store = storeRef.current;
    if (!ready || !session || !store) return;
    const { figures } = onHand.current;
    let after: string | null = null;
    let cancelled = false;
    let cancelStep = () => {};
    const step = async () => {
      const page = await store.onHandAfter(after, ON_HAND_FILL_STEP);
      if (cancelled) return;
      for (const [productId, figure] of page) if (!figures.has(productId)) figures.set(productId, figure);
      after = page.at(-1)?.[0] ?? after;
      if (page.length < ON_HAND_FILL_STEP) onHand.current.complete = true;
      else cancelStep = whenIdle(() => void step());
    };
    if (!onHand.current.complete) cancelStep = whenIdle(() => void step());
    return () => {
      cancelled = true;
      cancelStep();
    };
  }, [storeRef, ready, session]);

  /** Opening the lane: whether a stock download ever finished (its window's end is stored). */
  const restoreStockKnown = useCallback((stockSyncedAt: string | undefined) => {
    stockKnown.current = stockSyncedAt !== undefined;
  }, []);

  /**
   * Null when the change may go ahead, else what the supervisor is asked to approve. Answers at once (a map
   * lookup, or nothing under 'allow'); only until on hand is in memory does it read IndexedDB.
   */
  const negativeStockRequest = useCallback(
    (action: CartAction): NegativeStockRequest | null | Promise<NegativeStockRequest | null> => {
      if (policy.current !== 'block' || !stockKnown.current) return null;
      const cart = cartNowRef.current;
      const change = stockChangeOf(cart, action);
      if (!change) return null;
      const decide = (figure: number): NegativeStockRequest | null => {
        const needed = needsNegativeStockApproval({
          policy: policy.current,
          onHand: figure,
          heldBefore: change.heldBefore,
          heldAfter: change.heldAfter,
          approvedUpTo: approvedUpTo(cart.negativeStockApprovals ?? [], change.productId),
        });
        if (!needed) return null;
        // The line waits for a supervisor: its scan is not timed.
        if (action.type === 'scan') scanTiming.skip();
        return { action, ...change, onHand: figure };
      };
      const { figures, complete } = onHand.current;
      const known = figures.get(change.productId);
      if (known !== undefined || complete) return decide(known ?? 0);
      const store = storeRef.current;
      if (!store) return null;
      return store.onHand(change.productId).then(
        (figure) => decide(figure ?? 0),
        () => null,
      );
    },
    [cartNowRef, scanTiming, storeRef],
  );

  /**
   * Downloads the on-hand figures that moved since the last download (all of them the first time) and the store's
   * negative stock policy. The window ends where the server said, so the next one starts exactly there.
   */
  const refreshStock = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const since = (await store.get<string>('stockSyncedAt')) ?? null;
    let after: string | null = null;
    let until: Date | null = null;
    do {
      const page = await client.lane.stockLevels.query({ changedSince: since ? new Date(since) : null, until, after });
      policy.current = page.policy;
      if (page.levels.length > 0) {
        await store.putOnHand(page.levels);
        for (const { productId, onHand: figure } of page.levels) onHand.current.figures.set(productId, figure);
      }
      until = page.until;
      after = page.next;
    } while (after);
    if (until) await store.set('stockSyncedAt', until.toISOString());
    stockKnown.current = true;
  }, [client, storeRef]);

  /**
   * The server's figure comes back a few seconds after the upload (or after going back online): until then the
   * lane counts its own sale, so the last unit cannot be sold twice in a row.
   */
  const countSold = useCallback(async (store: LaneStore, cart: Cart) => {
    const sold = new Map<string, number>();
    for (const line of cart.lines) sold.set(line.productId, (sold.get(line.productId) ?? 0) + stockTaken(line));
    const lowered = [...sold].flatMap(([productId, taken]) => {
      const figure = onHand.current.figures.get(productId);
      return figure === undefined ? [] : [{ productId, onHand: figure - taken }];
    });
    for (const level of lowered) onHand.current.figures.set(level.productId, level.onHand);
    if (lowered.length > 0) await store.putOnHand(lowered);
  }, []);

  return { negativeStockRequest, refreshStock, restoreStockKnown, countSold };
}
