'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { LoadingRow } from '@/app/components/list-pager';

export function StocktakeList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const mayCount = me.data?.permissions.includes('inventory.count') ?? false;
  const list = useQuery(trpc.stocktakes.list.queryOptions({}));
  const name = (zh: string | null, en: string | null) => (locale === 'en' && en ? en : (zh ?? ''));
  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('stocktake.title')}</h1>
        {mayCount && (
          <Link href="/stocktakes/new" className="btn-primary">
            {t('stocktake.new')}
          </Link>
        )}
      </div>
      <ErrorAlert error={describeError(list.error, t)} />
      <div className="overflow-x-auto rounded bg-white shadow">
        <table aria-busy={list.isPending} className="data-table" aria-label={t('stocktake.title')}>
          <thead>
            <tr>
              <th>{t('stocktake.number')}</th>
              <th>{t('stocktake.scope')}</th>
              <th>{t('stocktake.status')}</th>
              <th>{t('stocktake.startedAt')}</th>
              <th className="text-right">{t('stocktake.progress')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={list.isPending} columns={6} />
            {list.data?.map((s) => (
              <tr key={s.id}>
                <td className="font-mono">{s.number}</td>
                <td>{s.scope === 'full' ? t('stocktake.scope.full') : name(s.departmentNameZh, s.departmentNameEn)}</td>
                <td>{t(`stocktake.status.${s.status}`)}</td>
                <td className="whitespace-nowrap">
                  {s.startedAt.toLocaleString(locale)}
                  <div className="text-xs text-slate-500">{s.startedBy}</div>
                </td>
                <td className="text-right font-mono">
                  {s.countedProducts} / {s.products}
                </td>
                <td className="space-x-3 whitespace-nowrap">
                  {s.status === 'counting' && mayCount && (
                    <Link
                      href={`/stocktakes/${s.id}`}
                      className="text-brand-700 hover:underline"
                      aria-label={`${t('stocktake.count')} ${s.number}`}
                    >
                      {t('stocktake.count')}
                    </Link>
                  )}
                  <Link
                    href={`/stocktakes/${s.id}/report`}
                    className="text-brand-700 hover:underline"
                    aria-label={`${t('stocktake.report')} ${s.number}`}
                  >
                    {t('stocktake.report')}
                  </Link>
                </td>
              </tr>
            ))}
            {list.data && list.data.length === 0 && (
              <tr>
                <td colSpan={6} className="py-8 text-center text-slate-500">
                  {t('stocktake.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
