'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { EmptyRow, ListPager, LoadingRow } from '@/app/components/list-pager';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

export default function TransfersPage() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [page, setPage] = useState(1);
  const me = useQuery(trpc.auth.me.queryOptions());
  const transfers = useQuery({
    ...trpc.stock.transfers.queryOptions({ direction, page }),
    placeholderData: keepPreviousData,
  });
  const choose = (next: 'in' | 'out') => {
    setDirection(next);
    setPage(1);
  };
  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('nav.transfers')}</h1>
        {me.data?.permissions.includes('inventory.transfer') && (
          <Link href="/transfers/new" className="btn-primary">
            {t('transfer.new')}
          </Link>
        )}
      </div>
      <div className="mb-4 flex gap-2" role="group" aria-label={t('transfer.direction')}>
        {(['in', 'out'] as const).map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={direction === d}
            className={direction === d ? 'btn-primary' : 'btn-secondary'}
            onClick={() => choose(d)}
          >
            {t(d === 'in' ? 'transfer.incoming' : 'transfer.outgoing')}
          </button>
        ))}
      </div>
      <ErrorAlert error={describeError(transfers.error, t)} />
      <div className="overflow-hidden rounded bg-white shadow">
        <table
          aria-busy={transfers.isPending}
          className="data-table"
          aria-label={t(direction === 'in' ? 'transfer.incoming' : 'transfer.outgoing')}
        >
          <thead>
            <tr>
              <th>{t('stock.number')}</th>
              <th>{t(direction === 'in' ? 'transfer.from' : 'transfer.to')}</th>
              <th>{t('transfer.sentAt')}</th>
              <th>{t('transfer.status')}</th>
              <th className="text-right">{t('stock.lines')}</th>
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={transfers.isPending} columns={5} />
            {transfers.data?.items.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/transfers/${row.id}`} className="font-mono text-brand-700 hover:underline">
                    {row.number}
                  </Link>
                </td>
                <td>
                  {row.otherStoreName} <span className="font-mono text-xs text-slate-500">{row.otherStoreCode}</span>
                </td>
                <td className="whitespace-nowrap">{row.sentAt.toLocaleString(locale)}</td>
                <td>{t(row.status === 'received' ? 'transfer.status.received' : 'transfer.status.in_transit')}</td>
                <td className="text-right">{row.lineCount}</td>
              </tr>
            ))}
            {transfers.data && transfers.data.items.length === 0 && (
              <EmptyRow columns={5}>{t('transfer.none')}</EmptyRow>
            )}
          </tbody>
        </table>
      </div>
      <ListPager
        page={page}
        hasNext={Boolean(transfers.data?.hasMore)}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
    </section>
  );
}
