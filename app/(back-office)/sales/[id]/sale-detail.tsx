'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { formatQuantity } from '../../stock/stock-format';

/** One recorded sale or return, read-only, as the server stored it; times in the store's own time zone. */
export function SaleDetail({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const sale = useQuery(trpc.salesReview.sale.queryOptions({ saleId: id }));
  if (sale.error) return <p role="alert">{describeError(sale.error, t)?.message}</p>;
  if (!sale.data) return <p aria-busy="true">…</p>;
  const s = sale.data;
  const fen = (value: number) => formatFen(value, { symbol: true });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {t(s.kind === 'return' ? 'saleDetail.return' : 'saleDetail.sale')}{' '}
          <span className="font-mono">{s.receiptNo}</span>
          {s.status === 'voided' && <span className="ml-2 text-base text-red-700">{t('saleDetail.voided')}</span>}
        </h1>
        <button type="button" className="btn-secondary" onClick={() => router.back()}>
          {t('saleDetail.back')}
        </button>
      </div>
      <dl
        className="grid grid-cols-2 gap-4 rounded bg-white p-6 shadow md:grid-cols-4"
        aria-label={t('saleDetail.summary')}
      >
        <div>
          <dt className="text-sm text-slate-500">{t('saleDetail.soldAt', { timeZone: s.timeZone })}</dt>
          <dd data-testid="sold-at">{s.soldAt.toLocaleString(locale, { timeZone: s.timeZone, hour12: false })}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('saleDetail.lane')}</dt>
          <dd>{s.laneNumber}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('saleDetail.cashier')}</dt>
          <dd>
            {s.cashierName} ({s.cashierNo})
          </dd>
        </div>
        {s.customerSegment && (
          <div>
            <dt className="text-sm text-slate-500">{t('saleDetail.customerSegment')}</dt>
            <dd className="font-mono">{s.customerSegment}</dd>
          </div>
        )}
        {s.originalSale && (
          <div>
            <dt className="text-sm text-slate-500">{t('saleDetail.originalSale')}</dt>
            <dd>
              <Link href={`/sales/${s.originalSale.id}`} className="font-mono text-brand-700 hover:underline">
                {s.originalSale.receiptNo}
              </Link>
            </dd>
          </div>
        )}
        {s.returnReason && (
          <div>
            <dt className="text-sm text-slate-500">{t('saleDetail.returnReason')}</dt>
            <dd>{s.returnReason}</dd>
          </div>
        )}
        {s.sentOffline && <p className="col-span-2 text-sm text-slate-600">{t('saleDetail.offline')}</p>}
      </dl>
      <div className="overflow-x-auto rounded bg-white shadow">
        <table className="data-table" aria-label={t('saleDetail.lines')}>
          <thead>
            <tr>
              <th>{t('saleDetail.product')}</th>
              <th className="text-right">{t('saleDetail.quantity')}</th>
              <th className="text-right">{t('saleDetail.unitPrice')}</th>
              <th className="text-right">{t('saleDetail.gross')}</th>
              <th className="text-right">{t('saleDetail.lineDiscount')}</th>
              <th className="text-right">{t('saleDetail.saleDiscount')}</th>
              <th className="text-right">{t('saleDetail.lineTotal')}</th>
              <th className="text-right">{t('saleDetail.vatRate')}</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((line) => (
              <tr key={line.lineNo}>
                <td>
                  <Link href={`/stock/${line.productId}`} className="text-brand-700 hover:underline">
                    {locale === 'en' && line.nameEn ? line.nameEn : line.nameZh}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{line.code}</div>
                </td>
                <td className="text-right font-mono">
                  {line.weightGrams !== null ? formatQuantity(line.weightGrams, 'kg') : line.quantity}
                </td>
                <td className="text-right font-mono">
                  {fen(line.unitPriceFen)}
                  {line.unit === 'kg' ? '/kg' : ''}
                </td>
                <td className="text-right font-mono">{fen(line.grossFen)}</td>
                <td className="text-right font-mono">{line.lineDiscountFen ? fen(-line.lineDiscountFen) : ''}</td>
                <td className="text-right font-mono">{line.saleDiscountFen ? fen(-line.saleDiscountFen) : ''}</td>
                <td className="text-right font-mono">{fen(line.totalFen)}</td>
                <td className="text-right font-mono">{line.vatRateBps / 100}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="rounded bg-white p-6 shadow">
          <h2 className="mb-3 text-lg font-semibold">{t('saleDetail.tenders')}</h2>
          <table className="data-table" aria-label={t('saleDetail.tenders')}>
            <tbody>
              {s.tenders.map((tender, index) => (
                <tr key={index}>
                  <td>{t(`saleDetail.tender.${tender.kind}`)}</td>
                  <td className="text-right font-mono">{fen(tender.amountFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="rounded bg-white p-6 shadow">
          <h2 className="mb-3 text-lg font-semibold">{t('saleDetail.totals')}</h2>
          <dl className="space-y-1" aria-label={t('saleDetail.totals')}>
            {(
              [
                ['saleDetail.grossTotal', s.grossFen],
                ['saleDetail.discountTotal', -s.discountFen],
                ['saleDetail.total', s.totalFen],
                ['saleDetail.change', s.changeFen],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex justify-between">
                <dt>{t(key)}</dt>
                <dd className="font-mono" data-testid={key === 'saleDetail.total' ? 'sale-total' : undefined}>
                  {fen(value)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
