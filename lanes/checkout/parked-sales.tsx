'use client';

import { useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';
import { cartTotals } from './cart';
import type { Lane } from './use-lane';

/** 挂单: park the open sale, and the parked ones to resume once the lane has no open sale. */
export function ParkedSales({ lane, cardBlocked }: { lane: Lane; cardBlocked: boolean }) {
  const t = useT();
  const { cart } = lane;
  return (
    <div className="mt-auto rounded bg-white p-3 shadow">
      <button
        type="button"
        className="btn-secondary w-full"
        disabled={cart.lines.length === 0 || cardBlocked}
        onClick={() => void lane.park()}
      >
        {t('lane.park')}
      </button>
      {lane.parked.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label={t('lane.parked')}>
          {lane.parked.map((parkedCart) => (
            <li key={parkedCart.saleId}>
              <button
                type="button"
                className="btn-secondary w-full"
                disabled={cart.lines.length > 0}
                onClick={() => void lane.resume(parkedCart.saleId)}
              >
                {t('lane.resume')} {new Date(parkedCart.startedAt).toLocaleTimeString('zh-CN')} ·{' '}
                {formatFen(cartTotals(parkedCart).totalFen, { symbol: true })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
