'use client';

import { useT } from '@/app/i18n/locale-provider';
import type { ReceiptStore } from './receipt';
import type { Lane } from './use-lane';

/** The lane's top bar: store and lane, online or not, sales waiting or refused, catalog size, cashier. */
export function LaneHeader({ lane, store }: { lane: Lane; store: ReceiptStore }) {
  const t = useT();
  const rejected = lane.outbox.filter((e) => e.rejected).length;
  const waiting = lane.outbox.length - rejected;
  return (
    <header className="flex items-center gap-4 bg-brand-800 px-4 py-2 text-white print:hidden">
      <span className="font-semibold">
        {store.name} · {t('lane.laneNo')} {lane.config.laneNumber}
      </span>
      <span
        role="status"
        aria-label="connection"
        className={`rounded px-2 text-sm ${lane.online ? 'bg-brand-600' : 'bg-red-600'}`}
      >
        {lane.online ? t('lane.online') : t('lane.offline')}
      </span>
      {waiting > 0 && <span role="status">{t('lane.waiting', { count: waiting })}</span>}
      {rejected > 0 && <span role="alert">{t('lane.rejected', { count: rejected })}</span>}
      <span className="ml-auto text-sm" data-testid="catalog-size">
        {t('lane.catalogSize', { count: lane.catalogSize })}
      </span>
      {lane.session && <span>{lane.session.staffName}</span>}
    </header>
  );
}
