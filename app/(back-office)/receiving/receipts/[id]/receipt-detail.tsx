'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { showQuantity } from '../../format';
import { productName } from '@/app/components/product-picker';

export function ReceiptDetail({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const receipt = useQuery(trpc.receiving.receipt.queryOptions({ id }));
  if (receipt.error) return <p role="alert">{describeError(receipt.error, t)?.message}</p>;
  if (!receipt.data) return <p aria-busy="true">…</p>;
  const r = receipt.data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {t('receiving.receipts')} {r.number}
      </h1>
      <dl className="grid gap-2 rounded bg-white p-6 shadow md:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.supplier')}</dt>
          <dd>{r.supplierName}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.purchaseOrder')}</dt>
          <dd>
            {r.purchaseOrderId && (
              <Link href={`/receiving/orders/${r.purchaseOrderId}`} className="text-brand-700 hover:underline">
                {r.purchaseOrderNumber}
              </Link>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.supplierDocumentNo')}</dt>
          <dd>{r.supplierDocumentNo}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.receivedAt')}</dt>
          <dd>{r.receivedAt.toLocaleString(locale)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.receivedBy')}</dt>
          <dd>{r.receivedByName}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.note')}</dt>
          <dd>{r.note}</dd>
        </div>
      </dl>
      <section className="overflow-hidden rounded bg-white shadow">
        <table className="data-table" aria-label={t('receiving.receiptLines')}>
          <thead>
            <tr>
              <th>{t('receiving.product')}</th>
              <th className="text-right">{t('receiving.quantity')}</th>
              <th className="text-right">{t('receiving.unitCost')}</th>
              <th className="text-right">{t('receiving.value')}</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((line) => (
              <tr key={line.lineNo}>
                <td>
                  <span className="font-mono text-xs text-slate-500">{line.productCode}</span>{' '}
                  {productName(locale, line)}
                </td>
                <td className="text-right font-mono">{showQuantity(line.quantity, line.unit)}</td>
                <td className="text-right font-mono">{formatFen(line.unitCostFen)}</td>
                <td className="text-right font-mono">{formatFen(line.valueFen)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3} className="text-right font-semibold">
                {t('receiving.total')}
              </td>
              <td className="text-right font-mono font-semibold">{formatFen(r.totalFen, { symbol: true })}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
  );
}
