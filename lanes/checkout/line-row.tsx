'use client';

import { memo } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';
import { lineWeightGrams, type SaleLine } from '@/server/domain/sale';
import type { Cart, CartAction } from './cart';

/** The lines table's columns, shared by its header and rows. */
export const LINE_GRID = 'grid grid-cols-[3rem_minmax(0,1fr)_7rem_7rem_18rem]';

export interface LineCallbacks {
  dispatch: (action: CartAction) => void;
  onLineDiscount: (lineId: string) => void;
  onOverridePrice: (lineId: string) => void;
}

/** A line sold by weight shows its weight (a price label's too); a counted line with a label, its quantity. */
function weightOrQuantity(line: SaleLine): string {
  const grams = lineWeightGrams(line);
  return grams === null ? String(line.quantity) : `${(grams / 1000).toFixed(3)} kg`;
}

/** One line of the sale; memoized, so a scan renders the new line and the totals, not every line before it. */
export const LineRow = memo(function LineRow({
  measure,
  line,
  index,
  top,
  totalFen,
  lineDiscountFen,
  dispatch,
  onLineDiscount,
  onOverridePrice,
}: LineCallbacks & {
  measure: (row: HTMLTableRowElement | null) => void;
  line: Cart['lines'][number];
  index: number;
  top: number;
  totalFen: number;
  lineDiscountFen: number;
}) {
  const t = useT();
  return (
    <tr
      ref={measure}
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      className={`${LINE_GRID} absolute inset-x-0 top-0`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <td role="cell">{index + 1}</td>
      <td role="cell">
        {line.nameZh}
        <div className="text-xs text-slate-500">{line.scannedCode}</div>
        {lineDiscountFen > 0 && (
          <div className="text-xs text-emerald-700">
            {t('lane.discountLine', { amount: formatFen(lineDiscountFen) })}
          </div>
        )}
      </td>
      <td role="cell">
        {line.unit === 'each' && line.labelTotalFen === null ? (
          <input
            type="number"
            min={1}
            aria-label={`${t('lane.quantity')} ${index + 1}`}
            className="w-20 rounded border px-2 py-1"
            value={line.quantity}
            onChange={(event) =>
              dispatch({ type: 'set-quantity', lineId: line.lineId, quantity: Number(event.target.value) })
            }
          />
        ) : (
          weightOrQuantity(line)
        )}
      </td>
      <td role="cell" className="text-right font-mono">
        {formatFen(totalFen)}
      </td>
      <td role="cell">
        <button
          type="button"
          className="mr-3 text-brand-700 hover:underline"
          aria-label={`${t('lane.lineDiscount')} ${index + 1}`}
          onClick={() => onLineDiscount(line.lineId)}
        >
          {t('lane.lineDiscount')}
        </button>
        <button
          type="button"
          className="mr-3 text-brand-700 hover:underline"
          aria-label={`${t('lane.overridePrice')} ${index + 1}`}
          onClick={() => onOverridePrice(line.lineId)}
        >
          {t('lane.overridePrice')}
        </button>
        <button
          type="button"
          className="text-red-600 hover:underline"
          aria-label={`${t('lane.voidLine')} ${index + 1}`}
          onClick={() => dispatch({ type: 'void-line', lineId: line.lineId, at: new Date().toISOString() })}
        >
          {t('lane.voidLine')}
        </button>
      </td>
    </tr>
  );
});
