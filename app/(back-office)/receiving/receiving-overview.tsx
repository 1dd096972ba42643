'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { RowName } from '@/app/components/row-name';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { STATUS_KEYS } from './format';
import { LoadingRow } from '@/app/components/list-pager';

export function ReceivingOverview() {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const permissions = me.data?.permissions ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('receiving.title')}</h1>
        <nav className="flex flex-wrap gap-2" aria-label={t('receiving.title')}>
          {permissions.includes('inventory.receive') && (
            <Link href="/receiving/new" className="btn-primary">
              {t('receiving.newReceipt')}
            </Link>
          )}
          {permissions.includes('inventory.order') && (
            <Link href="/receiving/orders/new" className="btn-secondary">
              {t('receiving.newOrder')}
            </Link>
          )}
          <Link href="/receiving/suppliers" className="btn-secondary">
            {t('receiving.suppliers')}
          </Link>
          <Link href="/receiving/reorder" className="btn-secondary">
            {t('receiving.reorder')}
          </Link>
        </nav>
      </div>
      <PurchaseOrders />
      <Receipts />
    </div>
  );
}

function Pager({
  list,
  page,
  hasMore,
  onPage,
}: {
  /** Which of the page's lists it turns, for screen readers. */
  list: string;
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
}) {
  const t = useT();
  return (
    <div className="flex gap-3 p-3">
      <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('receiving.previous')}
        <RowName>{list}</RowName>
      </button>
      <button type="button" className="btn-secondary" disabled={!hasMore} onClick={() => onPage(page + 1)}>
        {t('receiving.next')}
        <RowName>{list}</RowName>
      </button>
    </div>
  );
}

function PurchaseOrders() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const orders = useQuery({
    ...trpc.receiving.purchaseOrders.queryOptions({ page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="overflow-hidden rounded bg-white shadow" aria-labelledby="orders-title">
      <h2 id="orders-title" className="p-4 text-lg font-semibold">
        {t('receiving.orders')}
      </h2>
      <table aria-busy={orders.isPending} className="data-table" aria-label={t('receiving.orders')}>
        <thead>
          <tr>
            <th>{t('receiving.number')}</th>
            <th>{t('receiving.supplier')}</th>
            <th>{t('receiving.status')}</th>
            <th>{t('receiving.openLines')}</th>
            <th>{t('receiving.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={orders.isPending} columns={5} />
          {orders.data?.items.map((order) => (
            <tr key={order.id}>
              <td className="font-mono">
                <Link href={`/receiving/orders/${order.id}`} className="text-brand-700 hover:underline">
                  {order.number}
                </Link>
              </td>
              <td>{order.supplierName}</td>
              <td>{t(STATUS_KEYS[order.status])}</td>
              <td>
                {order.status === 'open'
                  ? t('receiving.linesSummary', { open: order.openLineCount, total: order.lineCount })
                  : ''}
              </td>
              <td>{order.createdAt.toLocaleString(locale)}</td>
            </tr>
          ))}
          {orders.data?.items.length === 0 && (
            <tr>
              <td colSpan={5} className="py-6 text-center text-slate-500">
                {t('receiving.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager list={t('receiving.orders')} page={page} hasMore={orders.data?.hasMore ?? false} onPage={setPage} />
    </section>
  );
}

function Receipts() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const receipts = useQuery({
    ...trpc.receiving.receipts.queryOptions({ page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="overflow-hidden rounded bg-white shadow" aria-labelledby="receipts-title">
      <h2 id="receipts-title" className="p-4 text-lg font-semibold">
        {t('receiving.receipts')}
      </h2>
      <table aria-busy={receipts.isPending} className="data-table" aria-label={t('receiving.receipts')}>
        <thead>
          <tr>
            <th>{t('receiving.number')}</th>
            <th>{t('receiving.supplier')}</th>
            <th>{t('receiving.purchaseOrder')}</th>
            <th>{t('receiving.supplierDocumentNo')}</th>
            <th>{t('receiving.receivedAt')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={receipts.isPending} columns={5} />
          {receipts.data?.items.map((receipt) => (
            <tr key={receipt.id}>
              <td className="font-mono">
                <Link href={`/receiving/receipts/${receipt.id}`} className="text-brand-700 hover:underline">
                  {receipt.number}
                </Link>
              </td>
              <td>{receipt.supplierName}</td>
              <td className="font-mono">{receipt.purchaseOrderNumber ?? ''}</td>
              <td>{receipt.supplierDocumentNo}</td>
              <td>{receipt.receivedAt.toLocaleString(locale)}</td>
            </tr>
          ))}
          {receipts.data?.items.length === 0 && (
            <tr>
              <td colSpan={5} className="py-6 text-center text-slate-500">
                {t('receiving.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager list={t('receiving.receipts')} page={page} hasMore={receipts.data?.hasMore ?? false} onPage={setPage} />
    </section>
  );
}
