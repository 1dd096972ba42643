'use client';

import { useT } from '@/app/i18n/locale-provider';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import type { Cart } from './cart';
import { PrinterButton } from './printer-button';
import { Receipt, type ReceiptStore } from './receipt';
import type { Lane } from './use-lane';

export interface FinishedSale {
  cart: Cart;
  input: FinalizeSaleInput;
}

/** The finished sale's receipt, to print, until the cashier starts the next customer. */
export function ReceiptScreen({
  lane,
  sale,
  store,
  cashier,
  onNextCustomer,
}: {
  lane: Lane;
  sale: FinishedSale;
  store: ReceiptStore;
  cashier: string;
  onNextCustomer: () => void;
}) {
  const t = useT();
  return (
    <div className="p-4">
      <Receipt
        cart={sale.cart}
        sale={sale.input}
        store={store}
        cashier={cashier}
        laneNumber={lane.config.laneNumber}
        timeZone={lane.config.timeZone}
      />
      <div className="mt-4 flex justify-center gap-3 print:hidden">
        <button type="button" className="btn-secondary" onClick={() => window.print()}>
          {t('lane.print')}
        </button>
        {lane.config.hasPrinter && <PrinterButton lane={lane} receiptNo={sale.input.receiptNo} />}
        <button type="button" className="btn-primary" autoFocus onClick={onNextCustomer}>
          {t('lane.newSale')}
        </button>
      </div>
    </div>
  );
}
