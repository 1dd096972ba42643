'use client';

import { useCallback, useState } from 'react';
import type { NegativeStockRequest } from './use-on-hand';

export type SaleDialogState =
  | null
  | { kind: 'void' }
  | { kind: 'discount'; lineId?: string }
  | { kind: 'price'; lineId: string }
  | { kind: 'negative-stock'; request: NegativeStockRequest };

export interface DiscountInput {
  percent: string;
  amount: string;
}

const NO_DISCOUNT_INPUT: DiscountInput = { percent: '', amount: '' };

/**
 * The sale's one open dialog (void, discount, price override, negative stock) and the text typed into it; each
 * opening starts with empty fields. The openers are the same functions throughout, so memoized lines keep theirs.
 */
export function useSaleDialog() {
  const [dialog, setDialog] = useState<SaleDialogState>(null);
  const [newPrice, setNewPrice] = useState('');
  const [discountInput, setDiscountInput] = useState(NO_DISCOUNT_INPUT);

  const openVoidSale = useCallback(() => setDialog({ kind: 'void' }), []);
  const openSaleDiscount = useCallback(() => {
    setDiscountInput(NO_DISCOUNT_INPUT);
    setDialog({ kind: 'discount' });
  }, []);
  const openLineDiscount = useCallback((lineId: string) => {
    setDiscountInput(NO_DISCOUNT_INPUT);
    setDialog({ kind: 'discount', lineId });
  }, []);
  const openPriceOverride = useCallback((lineId: string) => {
    setNewPrice('');
    setDialog({ kind: 'price', lineId });
  }, []);
  const askNegativeStock = useCallback(
    (request: NegativeStockRequest) => setDialog({ kind: 'negative-stock', request }),
    [],
  );
  const close = useCallback(() => setDialog(null), []);

  return {
    dialog,
    newPrice,
    setNewPrice,
    discountInput,
    setDiscountInput,
    openVoidSale,
    openSaleDiscount,
    openLineDiscount,
    openPriceOverride,
    askNegativeStock,
    close,
  };
}

export type SaleDialogs = ReturnType<typeof useSaleDialog>;
