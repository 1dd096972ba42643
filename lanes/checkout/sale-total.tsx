'use client';

import { useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';
import type { Cart, CartTotals } from './cart';

/** The sale's total, its sale-wide discount, and what is still due once something is paid. */
export function SaleTotal({ cart, totals }: { cart: Cart; totals: CartTotals }) {
  const t = useT();
  return (
    <div className="rounded bg-white p-4 shadow">
      <p className="text-sm text-slate-500">{t('lane.total')}</p>
      <p className="font-mono text-4xl font-bold" data-testid="sale-total">
        {formatFen(totals.totalFen, { symbol: true })}
      </p>
      {cart.saleDiscount && (
        <p className="mt-1 text-sm text-emerald-700">
          {t('lane.saleDiscountShown', {
            amount: formatFen(totals.lines.reduce((sum, l) => sum + l.saleDiscountFen, 0)),
          })}
        </p>
      )}
      {totals.settlement.paidFen > 0 && (
        <p className="mt-1 text-sm">
          {t('lane.due')}: <span className="font-mono">{formatFen(totals.settlement.dueFen, { symbol: true })}</span>
        </p>
      )}
    </div>
  );
}
