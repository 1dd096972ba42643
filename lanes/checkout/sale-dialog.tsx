'use client';

import type { Cart, CartAction } from './cart';
import { DiscountDialog } from './discount-dialog';
import { NegativeStockDialog } from './negative-stock-dialog';
import { PriceOverrideDialog } from './price-override-dialog';
import type { SaleDialogs } from './use-sale-dialog';
import { VoidSaleDialog } from './void-sale-dialog';

/** Whichever of the sale's dialogs is open, if any. */
export function SaleDialog({
  dialogs,
  cart,
  shiftId,
  dispatch,
  onMessage,
}: {
  dialogs: SaleDialogs;
  cart: Cart;
  shiftId: string | undefined;
  dispatch: (action: CartAction) => void;
  onMessage: (message: string) => void;
}) {
  const { dialog, close } = dialogs;
  switch (dialog?.kind) {
    case 'void':
      return <VoidSaleDialog cart={cart} shiftId={shiftId} dispatch={dispatch} onClose={close} />;
    case 'price':
      return (
        <PriceOverrideDialog
          saleId={cart.saleId}
          lineId={dialog.lineId}
          newPrice={dialogs.newPrice}
          onNewPriceChange={dialogs.setNewPrice}
          dispatch={dispatch}
          onClose={close}
        />
      );
    case 'negative-stock':
      return (
        <NegativeStockDialog
          saleId={cart.saleId}
          request={dialog.request}
          dispatch={dispatch}
          onMessage={onMessage}
          onClose={close}
        />
      );
    case 'discount':
      return (
        <DiscountDialog
          cart={cart}
          lineId={dialog.lineId}
          input={dialogs.discountInput}
          onInputChange={dialogs.setDiscountInput}
          dispatch={dispatch}
          onClose={close}
        />
      );
    default:
      return null;
  }
}
