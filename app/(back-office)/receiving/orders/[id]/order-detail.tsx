'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { showQuantity, STATUS_KEYS } from '../../format';
import { productName } from '@/app/components/product-picker';

export function OrderDetail({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const order = useQuery(trpc.receiving.purchaseOrder.queryOptions({ id }));
  const me = useQuery(trpc.auth.me.queryOptions());
  const permissions = me.data?.permissions ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.receiving.pathKey() });
  const close = useMutation(trpc.receiving.closePurchaseOrder.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.receiving.cancelPurchaseOrder.mutationOptions({ onSuccess: refresh }));
  if (order.error) return <p role="alert">{describeError(order.error, t)?.message}</p>;
  if (!order.data) return <p aria-busy="true">…</p>;
  const po = order.data;
  const actionError = describeError(close.error ?? cancel.error, t);
  const nothingReceived = po.lines.every((line) => line.received === 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {t('receiving.purchaseOrder')} {po.number}
      </h1>
      <dl className="grid gap-2 rounded bg-white p-6 shadow md:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.supplier')}</dt>
          <dd>{po.supplierName}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.status')}</dt>
          <dd aria-label={t('receiving.status')}>{t(STATUS_KEYS[po.status])}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.createdAt')}</dt>
          <dd>{po.createdAt.toLocaleString(locale)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('receiving.closedAt')}</dt>
          <dd>{po.closedAt?.toLocaleString(locale) ?? ''}</dd>
        </div>
        {po.note && <div className="md:col-span-4">{po.note}</div>}
      </dl>
      <div className="flex flex-wrap gap-3">
        {po.status === 'open' && permissions.includes('inventory.receive') && (
          <Link href={`/receiving/new?po=${po.id}`} className="btn-primary">
            {t('receiving.receiveAgainst')}
          </Link>
        )}
        {po.status === 'open' && permissions.includes('inventory.order') && (
          <>
            <button type="button" className="btn-secondary" onClick={() => close.mutate({ id: po.id })}>
              {t('receiving.closeOrder')}
            </button>
            {nothingReceived && (
              <button type="button" className="btn-secondary" onClick={() => cancel.mutate({ id: po.id })}>
                {t('receiving.cancelOrder')}
              </button>
            )}
          </>
        )}
      </div>
      {actionError && (
        <p role="alert" className="text-sm text-red-600">
          {actionError.message}
        </p>
      )}
      <section className="overflow-hidden rounded bg-white shadow">
        <table className="data-table" aria-label={t('receiving.orderLines')}>
          <thead>
            <tr>
              <th>{t('receiving.product')}</th>
              <th className="text-right">{t('receiving.ordered')}</th>
              <th className="text-right">{t('receiving.received')}</th>
              <th className="text-right">{t('receiving.open')}</th>
              <th className="text-right">{t('receiving.unitCost')}</th>
              <th className="text-right">{t('receiving.value')}</th>
              <th className="text-right">{t('receiving.onHand')}</th>
            </tr>
          </thead>
          <tbody>
            {po.lines.map((line) => (
              <tr key={line.id}>
                <td>
                  <span className="font-mono text-xs text-slate-500">{line.productCode}</span>{' '}
                  {productName(locale, line)}
                </td>
                <td className="text-right font-mono">{showQuantity(line.quantity, line.unit)}</td>
                <td className="text-right font-mono">{showQuantity(line.received, line.unit)}</td>
                <td className="text-right font-mono">{showQuantity(line.open, line.unit)}</td>
                <td className="text-right font-mono">{formatFen(line.unitCostFen)}</td>
                <td className="text-right font-mono">{formatFen(line.valueFen)}</td>
                <td className="text-right font-mono">{showQuantity(line.onHand, line.unit)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5} className="text-right font-semibold">
                {t('receiving.total')}
              </td>
              <td className="text-right font-mono font-semibold">{formatFen(po.totalFen, { symbol: true })}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </section>
      {po.receipts.length > 0 && (
        <section className="rounded bg-white p-6 shadow">
          <h2 className="mb-2 text-lg font-semibold">{t('receiving.receipts')}</h2>
          <ul aria-label={t('receiving.receipts')}>
            {po.receipts.map((receipt) => (
              <li key={receipt.id}>
                <Link href={`/receiving/receipts/${receipt.id}`} className="text-brand-700 hover:underline">
                  {receipt.number}
                </Link>{' '}
                <span className="text-sm text-slate-500">{receipt.receivedAt.toLocaleString(locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
