'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import type { MessageKey } from '@/app/i18n/messages';
import { EmptyRow, ListPager, LoadingRow } from '@/app/components/list-pager';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

export default function AdjustmentsPage() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const me = useQuery(trpc.auth.me.queryOptions());
  const adjustments = useQuery({ ...trpc.stock.adjustments.queryOptions({ page }), placeholderData: keepPreviousData });
  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('stock.adjustments')}</h1>
        {me.data?.permissions.includes('inventory.adjust') && (
          <Link href="/stock/adjustments/new" className="btn-primary">
            {t('stock.newAdjustment')}
          </Link>
        )}
      </div>
      <ErrorAlert error={describeError(adjustments.error, t)} />
      <div className="overflow-hidden rounded bg-white shadow">
        <table aria-busy={adjustments.isPending} className="data-table" aria-label={t('stock.adjustments')}>
          <thead>
            <tr>
              <th>{t('stock.number')}</th>
              <th>{t('stock.when')}</th>
              <th>{t('stock.reason')}</th>
              <th>{t('stock.note')}</th>
              <th className="text-right">{t('stock.lines')}</th>
              <th>{t('stock.by')}</th>
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={adjustments.isPending} columns={6} />
            {adjustments.data?.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/stock/adjustments/${a.id}`} className="font-mono text-brand-700 hover:underline">
                    {a.number}
                  </Link>
                </td>
                <td className="whitespace-nowrap">{a.createdAt.toLocaleString(locale)}</td>
                <td>{t(`stock.reason.${a.reason}` as MessageKey)}</td>
                <td>{a.note}</td>
                <td className="text-right">{a.lineCount}</td>
                <td>{a.createdByName}</td>
              </tr>
            ))}
            {adjustments.data && adjustments.data.items.length === 0 && (
              <EmptyRow columns={6}>{t('stock.noAdjustments')}</EmptyRow>
            )}
          </tbody>
        </table>
      </div>
      <ListPager
        page={page}
        hasNext={Boolean(adjustments.data?.hasMore)}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
    </section>
  );
}
