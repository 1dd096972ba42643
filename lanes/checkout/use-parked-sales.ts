'use client';

import { useCallback, useState, type RefObject } from 'react';
import type { LaneStore } from '../storage/lane-store';
import type { Cart, CartAction } from './cart';

/** 挂单: an open sale steps aside (kept in IndexedDB) and the next customer is served; resumed when the lane is free. */
export function useParkedSales(
  storeRef: RefObject<LaneStore | null>,
  cart: Cart,
  dispatchCart: (action: CartAction) => void,
) {
  const [parked, setParked] = useState<Cart[]>([]);

  const park = useCallback(async () => {
    const store = storeRef.current;
    if (!store || cart.lines.length === 0) return;
    const next = [...parked, cart];
    await store.set('parked', next);
    setParked(next);
    dispatchCart({ type: 'new-sale', at: new Date().toISOString() });
  }, [storeRef, cart, parked, dispatchCart]);

  const resume = useCallback(
    async (saleId: string) => {
      const store = storeRef.current;
      const chosen = parked.find((p) => p.saleId === saleId);
      if (!store || !chosen || cart.lines.length > 0) return;
      const rest = parked.filter((p) => p.saleId !== saleId);
      await store.set('parked', rest);
      setParked(rest);
      dispatchCart({ type: 'restore', cart: chosen });
    },
    [storeRef, cart.lines.length, parked, dispatchCart],
  );

  return { parked, setParked, park, resume };
}
