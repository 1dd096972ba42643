'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RowName } from '@/app/components/row-name';
import { DateRangeFields } from '@/app/components/date-range-fields';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { MESSAGES, type MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { LoadingRow } from '@/app/components/list-pager';

export default function SalesReviewPage() {
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('review.title')}</h1>
      <UploadRejections />
      <PriceDifferences />
    </div>
  );
}

function UploadRejections() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showResolved, setShowResolved] = useState(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const rejections = useQuery(
    trpc.salesReview.uploadRejections.queryOptions({ status: showResolved ? 'resolved' : 'open' }),
  );
  const resolve = useMutation(
    trpc.salesReview.resolveUploadRejection.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.salesReview.uploadRejections.pathKey() }),
    }),
  );
  const reasonText = (reason: string, message: string) => {
    const key = `error.${reason}`;
    return key in MESSAGES.en ? t(key as MessageKey) : message;
  };
  const rows = rejections.data ?? [];
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="rejections-title">
      <div className="mb-2 flex items-center gap-4">
        <h2 id="rejections-title" className="text-lg font-semibold">
          {t('review.rejections')}
        </h2>
        <label className="ml-auto flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          {t('review.showResolved')}
        </label>
      </div>
      <p className="mb-3 text-sm text-slate-600">{t('review.rejectionsHint')}</p>
      <ErrorAlert error={describeError(rejections.error ?? resolve.error, t)} />
      <table aria-busy={rejections.isPending} className="data-table" aria-label={t('review.rejections')}>
        <thead>
          <tr>
            <th>{t('review.soldAt')}</th>
            <th>{t('lane.receiptNo')}</th>
            <th>{t('review.lane')}</th>
            <th>{t('review.cashier')}</th>
            <th className="text-right">{t('review.total')}</th>
            <th>{t('review.reason')}</th>
            <th>{t('review.attempts')}</th>
            <th>{t('review.note')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={rejections.isPending} columns={8} />
          {rows.map((row) => (
            <tr key={row.saleId}>
              <td className="whitespace-nowrap">{row.soldAt.toLocaleString(locale)}</td>
              <td className="font-mono">{row.receiptNo}</td>
              <td>{row.laneNumber ?? '—'}</td>
              <td>
                {row.cashierName} ({row.cashierNo})
              </td>
              <td className="text-right font-mono">{formatFen(row.totalFen, { symbol: true })}</td>
              <td>{reasonText(row.reason, row.message)}</td>
              <td>{row.attempts}</td>
              <td>
                {row.resolvedAt ? (
                  <>
                    {row.resolutionNote}
                    <div className="text-xs text-slate-500">
                      {t('review.resolvedBy', { name: row.resolvedByName ?? '' })} ·{' '}
                      {row.resolvedAt.toLocaleString(locale)}
                    </div>
                  </>
                ) : (
                  <form
                    className="flex gap-2"
                    onSubmit={(event) => {
                      event.preventDefault();
                      resolve.mutate({ saleId: row.saleId, note: notes[row.saleId] ?? '' });
                    }}
                  >
                    <input
                      className="field-input"
                      aria-label={t('review.noteFor', { receipt: row.receiptNo })}
                      value={notes[row.saleId] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [row.saleId]: e.target.value })}
                    />
                    <button type="submit" className="btn-secondary whitespace-nowrap" disabled={resolve.isPending}>
                      {t('review.resolve')}
                      <RowName>{row.receiptNo}</RowName>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
          {rejections.data && rows.length === 0 && (
            <tr>
              <td colSpan={8} className="py-6 text-center text-slate-500">
                {t('review.noRejections')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function PriceDifferences() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  // Until the manager picks days, the server answers for the store's last seven (in the store's time zone).
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);
  const differences = useQuery(trpc.salesReview.priceDifferences.queryOptions(chosen ?? {}));
  const range = chosen ?? (differences.data ? { from: differences.data.from, to: differences.data.to } : null);
  const rows = differences.data?.rows ?? [];
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="differences-title">
      <div className="mb-2 flex flex-wrap items-end gap-4">
        <h2 id="differences-title" className="text-lg font-semibold">
          {t('review.priceDifferences')}
        </h2>
        <DateRangeFields range={range} onChange={setChosen} />
      </div>
      <p className="mb-3 text-sm text-slate-600">{t('review.priceDifferencesHint')}</p>
      <ErrorAlert error={describeError(differences.error, t)} />
      <table aria-busy={differences.isPending} className="data-table" aria-label={t('review.priceDifferences')}>
        <thead>
          <tr>
            <th>{t('review.soldAt')}</th>
            <th>{t('lane.receiptNo')}</th>
            <th>{t('review.lane')}</th>
            <th>{t('review.cashier')}</th>
            <th>{t('review.product')}</th>
            <th className="text-right">{t('review.quantity')}</th>
            <th className="text-right">{t('review.lanePrice')}</th>
            <th className="text-right">{t('review.catalogPrice')}</th>
            <th className="text-right">{t('review.effect')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={differences.isPending} columns={9} />
          {rows.map((row) => (
            <tr key={`${row.saleId}-${row.productId}`}>
              <td className="whitespace-nowrap">
                {row.soldAt.toLocaleString(locale)}
                {row.sentOffline && <span className="ml-1 text-xs text-amber-700">({t('review.offline')})</span>}
              </td>
              <td className="font-mono">{row.receiptNo}</td>
              <td>{row.laneNumber}</td>
              <td>
                {row.cashierName} ({row.cashierNo})
              </td>
              <td>
                {row.productName}
                <div className="text-xs text-slate-500">{row.productCode}</div>
              </td>
              <td className="text-right font-mono">
                {row.weightGrams !== null ? `${(row.weightGrams / 1000).toFixed(3)} kg` : row.quantity}
              </td>
              <td className="text-right font-mono">{formatFen(row.lanePriceFen)}</td>
              <td className="text-right font-mono">{formatFen(row.catalogPriceFen)}</td>
              <td className={`text-right font-mono ${row.effectFen < 0 ? 'text-red-700' : ''}`}>
                {formatFen(row.effectFen, { symbol: true })}
              </td>
            </tr>
          ))}
          {differences.data && rows.length === 0 && (
            <tr>
              <td colSpan={9} className="py-6 text-center text-slate-500">
                {t('review.noDifferences')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
