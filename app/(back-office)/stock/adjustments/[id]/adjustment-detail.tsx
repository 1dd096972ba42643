'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { formatQuantity } from '../../stock-format';

export function AdjustmentDetail({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const adjustment = useQuery(trpc.stock.adjustment.queryOptions({ id }));
  if (adjustment.error) return <p role="alert">{describeError(adjustment.error, t)?.message}</p>;
  if (!adjustment.data) return <p aria-busy="true">…</p>;
  const a = adjustment.data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {t('stock.adjustment')} <span className="font-mono">{a.number}</span>
      </h1>
      <dl className="grid grid-cols-2 gap-4 rounded bg-white p-6 shadow md:grid-cols-4">
        <div>
          <dt className="text-sm text-slate-500">{t('stock.reason')}</dt>
          <dd>{t(`stock.reason.${a.reason}` as MessageKey)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.note')}</dt>
          <dd>{a.note}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.when')}</dt>
          <dd>{a.createdAt.toLocaleString(locale)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.by')}</dt>
          <dd>
            {a.createdByName} ({a.createdByOperatorNo})
          </dd>
        </div>
      </dl>
      <div className="overflow-hidden rounded bg-white shadow">
        <table className="data-table" aria-label={t('stock.lines')}>
          <thead>
            <tr>
              <th>{t('products.code')}</th>
              <th>{t('stock.product')}</th>
              <th className="text-right">{t('stock.quantity')}</th>
              <th className="text-right">{t('stock.unitCost')}</th>
              <th className="text-right">{t('stock.value')}</th>
            </tr>
          </thead>
          <tbody>
            {a.lines.map((line) => (
              <tr key={line.lineNo}>
                <td className="font-mono">{line.code}</td>
                <td>
                  <Link href={`/stock/${line.productId}`} className="text-brand-700 hover:underline">
                    {locale === 'en' && line.nameEn ? line.nameEn : line.nameZh}
                  </Link>
                </td>
                <td className="text-right font-mono">
                  {line.quantityDelta > 0 ? '+' : ''}
                  {formatQuantity(line.quantityDelta, line.unit)}
                </td>
                <td className="text-right font-mono">{formatFen(line.unitCostFen, { symbol: true })}</td>
                <td className="text-right font-mono">{formatFen(line.valueFen, { symbol: true })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
