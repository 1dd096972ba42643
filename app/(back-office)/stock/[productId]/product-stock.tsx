'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import type { StockSource } from '@/server/stock/list-stock-history';
import { formatQuantity, sourceHref } from '../stock-format';
import { LoadingRow } from '@/app/components/list-pager';

export function ProductStock({ productId }: { productId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const product = useQuery(trpc.stock.product.queryOptions({ productId }));
  const history = useInfiniteQuery(
    trpc.stock.history.infiniteQueryOptions({ productId }, { getNextPageParam: (page) => page.nextCursor }),
  );
  if (product.error) return <p role="alert">{describeError(product.error, t)?.message}</p>;
  if (!product.data) return <p aria-busy="true">…</p>;
  const p = product.data;
  const name = locale === 'en' && p.nameEn ? p.nameEn : p.nameZh;
  const movements = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">
          {name} <span className="font-mono text-base text-slate-500">{p.code}</span>
        </h1>
        <Link href={`/products/${p.productId}`} className="btn-secondary">
          {t('stock.productDetails')}
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded bg-white p-6 shadow md:grid-cols-4" aria-label={t('stock.summary')}>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.onHand')}</dt>
          <dd className={`font-mono text-xl ${p.negative ? 'text-red-700' : ''}`} data-testid="on-hand">
            {formatQuantity(p.onHand, p.unit)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.avgCost')}</dt>
          <dd className="font-mono text-xl">{formatFen(p.avgCostFen, { symbol: true })}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.value')}</dt>
          <dd className="font-mono text-xl">{formatFen(p.valueFen, { symbol: true })}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('stock.reorderPoint')}</dt>
          <dd className="font-mono text-xl">
            {p.reorderPoint === null ? '—' : formatQuantity(p.reorderPoint, p.unit)}
            {p.low && <span className="ml-2 text-sm text-amber-700">{t('stock.low')}</span>}
          </dd>
        </div>
      </dl>
      <section className="rounded bg-white p-6 shadow">
        <h2 className="mb-3 text-lg font-semibold">{t('stock.history')}</h2>
        <table className="data-table" aria-label={t('stock.history')} aria-busy={history.isFetching}>
          <thead>
            <tr>
              <th>{t('stock.when')}</th>
              <th>{t('stock.kind')}</th>
              <th className="text-right">{t('stock.quantity')}</th>
              <th className="text-right">{t('stock.unitCost')}</th>
              <th className="text-right">{t('stock.onHandAfter')}</th>
              <th>{t('stock.source')}</th>
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={history.isPending} columns={6} />
            {movements.map((m) => (
              <tr key={m.id}>
                <td className="whitespace-nowrap">{m.createdAt.toLocaleString(locale)}</td>
                <td>{t(`stock.kind.${m.kind}` as MessageKey)}</td>
                <td className="text-right font-mono">
                  {m.quantityDelta > 0 ? '+' : ''}
                  {formatQuantity(m.quantityDelta, p.unit)}
                </td>
                <td className="text-right font-mono">
                  {m.unitCostFen === null ? '' : formatFen(m.unitCostFen, { symbol: true })}
                </td>
                <td className="text-right font-mono">{formatQuantity(m.onHandAfter, p.unit)}</td>
                <td>
                  <SourceCell source={m.source} />
                </td>
              </tr>
            ))}
            {history.data && movements.length === 0 && (
              <tr>
                <td colSpan={6} className="py-6 text-center text-slate-500">
                  {t('stock.noMovements')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {history.hasNextPage && (
          <button
            type="button"
            className="btn-secondary mt-4"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {t('stock.older')}
          </button>
        )}
      </section>
    </div>
  );
}

function SourceCell({ source }: { source: StockSource }) {
  const t = useT();
  let label: string;
  switch (source.type) {
    case 'sale':
      label = t(source.isReturn ? 'stock.source.return' : 'stock.source.sale', { receipt: source.receiptNo ?? '—' });
      break;
    case 'goods_receipt':
      label = t('stock.source.receipt', { number: source.number ?? '—' });
      break;
    case 'stock_adjustment':
      label = t('stock.source.adjustment', {
        number: source.number ?? '—',
        reason: source.reason ? t(`stock.reason.${source.reason}` as MessageKey) : '',
      });
      break;
    case 'stock_transfer':
      label = t(source.direction === 'out' ? 'stock.source.transferOut' : 'stock.source.transferIn', {
        number: source.number ?? '—',
        store: source.otherStore?.name ?? '—',
      });
      break;
    default:
      label = source.sourceType;
  }
  const href = sourceHref(source);
  return href ? (
    <Link href={href} className="text-brand-700 hover:underline">
      {label}
    </Link>
  ) : (
    <span>{label}</span>
  );
}
