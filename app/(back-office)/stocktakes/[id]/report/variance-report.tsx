'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ConfirmDialog, formatSignedFen } from '@/app/components/confirm-dialog';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { LoadingRow } from '@/app/components/list-pager';

type Totals = {
  counted: number;
  uncounted: number;
  gainFen: number;
  lossFen: number;
  netFen: number;
  uncountedValueFen: number;
};
type Filter = 'all' | 'differing' | 'uncounted';
type Cursor = { counted: boolean; code: string } | null;

const PAGE_SIZE = 100;

export function VarianceReport({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  // Where each page up to the shown one starts; the last is the shown page.
  const [pageStarts, setPageStarts] = useState<Cursor[]>([null]);
  const [uncountedAsZero, setUncountedAsZero] = useState(false);
  const [note, setNote] = useState('');
  const [adjustmentId] = useState(() => uuidv7());
  // The totals the confirmation states, read afresh from the server when Apply is pressed.
  const [confirming, setConfirming] = useState<Totals | null>(null);
  const me = useQuery(trpc.auth.me.queryOptions());
  const mayApply = me.data?.permissions.includes('inventory.count-apply') ?? false;
  const mayCount = me.data?.permissions.includes('inventory.count') ?? false;
  const after = pageStarts.at(-1) ?? null;
  const report = useQuery({
    ...trpc.stocktakes.report.queryOptions({ stocktakeId: id, show: filter, search, after, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    const wanted = searchText.trim();
    if (wanted === search) return;
    const timer = setTimeout(() => {
      setSearch(wanted);
      setPageStarts([null]);
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText, search]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.stocktakes.pathKey() });
  const apply = useMutation(trpc.stocktakes.applyCount.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.stocktakes.cancel.mutationOptions({ onSuccess: refresh }));
  const name = (zh: string | null, en: string | null) => (locale === 'en' && en ? en : (zh ?? ''));
  const qty = (value: number, unit: 'each' | 'kg') =>
    unit === 'kg' ? `${value} ${t('stocktake.gramsSuffix')}` : String(value);
  const signed = (value: number, unit: 'each' | 'kg') => `${value > 0 ? '+' : ''}${qty(value, unit)}`;
  const data = report.data;
  const lines = data?.lines ?? [];
  const next = data?.next ?? null;
  const totals = data?.totals;
  const counting = data?.stocktake.status === 'counting';

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {t('stocktake.report')} <span className="font-mono text-lg">{data?.stocktake.number}</span>
        </h1>
        {counting && mayCount && (
          <Link href={`/stocktakes/${id}`} className="text-brand-700 hover:underline">
            {t('stocktake.count')}
          </Link>
        )}
      </div>
      <ErrorAlert error={describeError(report.error, t)} />
      {data && (
        <p className="text-sm text-slate-600">
          {data.stocktake.scope === 'full'
            ? t('stocktake.scope.full')
            : name(data.stocktake.departmentNameZh, data.stocktake.departmentNameEn)}{' '}
          · {t(`stocktake.status.${data.stocktake.status}`)} · {data.stocktake.startedAt.toLocaleString(locale)}{' '}
          {data.stocktake.startedBy}
          {data.stocktake.adjustmentNumber && (
            <>
              {' · '}
              <span role="status">{t('stocktake.applied', { number: data.stocktake.adjustmentNumber })}</span>
            </>
          )}
        </p>
      )}
      {totals && (
        <dl
          className="grid grid-cols-2 gap-3 rounded bg-white p-4 shadow sm:grid-cols-4"
          aria-label={t('stocktake.report')}
        >
          {(
            [
              ['stocktake.totals.products', String(totals.products)],
              ['stocktake.totals.counted', String(totals.counted)],
              ['stocktake.totals.uncounted', String(totals.uncounted)],
              ['stocktake.totals.differing', String(totals.differing)],
              ['stocktake.totals.gain', formatFen(totals.gainFen, { symbol: true })],
              ['stocktake.totals.loss', formatFen(totals.lossFen, { symbol: true })],
              ['stocktake.totals.net', formatFen(totals.netFen, { symbol: true })],
              ['stocktake.totals.uncountedValue', formatFen(totals.uncountedValueFen, { symbol: true })],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs text-slate-500">{t(key)}</dt>
              <dd className="font-mono text-lg">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="text-sm text-slate-600">{t('stocktake.reportHint')}</p>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2">
          <span className="field-label mb-0">{t('stocktake.filter')}</span>
          <select
            className="field-input max-w-xs"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value as Filter);
              setPageStarts([null]);
            }}
          >
            {(['all', 'differing', 'uncounted'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`stocktake.filter.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <span className="field-label mb-0">{t('stocktake.search')}</span>
          <input
            type="search"
            className="field-input max-w-xs"
            maxLength={100}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </label>
      </div>
      <div className="overflow-x-auto rounded bg-white shadow">
        <table className="data-table" aria-label={t('stocktake.report')} aria-busy={report.isFetching}>
          <thead>
            <tr>
              <th>{t('stocktake.product')}</th>
              <th className="text-right">{t('stocktake.frozen')}</th>
              <th className="text-right">{t('stocktake.moved')}</th>
              <th className="text-right">{t('stocktake.expected')}</th>
              <th className="text-right">{t('stocktake.counted')}</th>
              <th className="text-right">{t('stocktake.variance')}</th>
              <th className="text-right">{t('stocktake.varianceValue')}</th>
              <th className="text-right">{t('stocktake.onHand')}</th>
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={report.isPending} columns={8} />
            {lines.map((line) => (
              <tr key={line.productId} className={line.variance ? 'bg-amber-50' : undefined}>
                <td>
                  <Link href={`/products/${line.productId}`} className="text-brand-700 hover:underline">
                    {name(line.nameZh, line.nameEn)}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{line.code}</div>
                </td>
                <td className="text-right font-mono">{qty(line.frozenOnHand, line.unit)}</td>
                <td className="text-right font-mono">{signed(line.movedSinceStart, line.unit)}</td>
                <td className="text-right font-mono">{qty(line.expected, line.unit)}</td>
                <td className="text-right font-mono">
                  {line.counted === null ? t('stocktake.uncounted') : qty(line.counted, line.unit)}
                </td>
                <td className="text-right font-mono">
                  {line.variance === null ? '' : signed(line.variance, line.unit)}
                </td>
                <td className="text-right font-mono">
                  {line.varianceFen === null ? '' : formatFen(line.varianceFen, { symbol: true })}
                </td>
                <td className="text-right font-mono">{qty(line.onHand, line.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="flex items-center justify-end gap-2" aria-label={t('stocktake.pages')}>
        <span className="text-sm text-slate-600">{t('stocktake.page', { page: pageStarts.length })}</span>
        <button
          type="button"
          className="btn-secondary"
          disabled={pageStarts.length <= 1}
          onClick={() => setPageStarts((starts) => starts.slice(0, -1))}
        >
          {t('stocktake.previousPage')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={!next || report.isPlaceholderData}
          onClick={() => setPageStarts((starts) => [...starts, next])}
        >
          {t('stocktake.nextPage')}
        </button>
      </nav>
      {counting && mayApply && (
        <form
          className="space-y-3 rounded bg-white p-4 shadow"
          onSubmit={(event) => {
            event.preventDefault();
            void report.refetch().then((fresh) => {
              if (fresh.data) setConfirming(fresh.data.totals);
            });
          }}
        >
          <label className="flex min-h-12 items-center gap-3">
            <input
              type="checkbox"
              className="h-6 w-6"
              checked={uncountedAsZero}
              onChange={(event) => setUncountedAsZero(event.target.checked)}
            />
            {t('stocktake.uncountedAsZero')}
          </label>
          <div>
            <label htmlFor="apply-note" className="field-label">
              {t('stocktake.note')}
            </label>
            <input
              id="apply-note"
              className="field-input"
              maxLength={200}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <ErrorAlert error={describeError(apply.error ?? cancel.error, t)} />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn-primary h-12" disabled={apply.isPending || cancel.isPending}>
              {t('stocktake.apply')}
            </button>
            <button
              type="button"
              className="btn-secondary h-12"
              disabled={apply.isPending || cancel.isPending}
              onClick={() => cancel.mutate({ stocktakeId: id })}
            >
              {t('stocktake.cancel')}
            </button>
          </div>
          <ConfirmDialog
            open={confirming !== null}
            title={t('stocktake.confirmApplyTitle')}
            confirmLabel={t('stocktake.apply')}
            onCancel={() => setConfirming(null)}
            onConfirm={() => {
              setConfirming(null);
              apply.mutate({ stocktakeId: id, adjustmentId, uncountedAsZero, note });
            }}
          >
            {confirming && (
              <>
                <p>
                  {t('stocktake.confirmApplySummary', {
                    counted: confirming.counted,
                    gain: formatSignedFen(confirming.gainFen),
                    loss: formatSignedFen(confirming.lossFen),
                    net: formatSignedFen(confirming.netFen),
                  })}
                </p>
                {uncountedAsZero && confirming.uncounted > 0 && (
                  <p>
                    {t('stocktake.confirmApplyUncounted', {
                      uncounted: confirming.uncounted,
                      value: formatSignedFen(-confirming.uncountedValueFen),
                    })}
                  </p>
                )}
                <p className="text-slate-600">{t('stocktake.confirmApplyIrreversible')}</p>
              </>
            )}
          </ConfirmDialog>
        </form>
      )}
    </section>
  );
}
