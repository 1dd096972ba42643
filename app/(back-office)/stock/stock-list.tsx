'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { EmptyRow, ListPager, LoadingRow } from '@/app/components/list-pager';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { formatQuantity } from './stock-format';

export function StockList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [negativeOnly, setNegativeOnly] = useState(false);
  const [lowOnly, setLowOnly] = useState(false);
  // Keyset pages: the code each page starts after, so "previous" walks back the way we came.
  const [pages, setPages] = useState<string[]>([]);
  const deferredQuery = useDeferredValue(query.trim());
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const stock = useQuery({
    ...trpc.stock.list.queryOptions({
      query: deferredQuery || undefined,
      departmentId: departmentId || undefined,
      negativeOnly,
      lowOnly,
      afterCode: pages.at(-1),
    }),
    placeholderData: keepPreviousData,
  });
  const name = (zh: string, en: string) => (locale === 'en' && en ? en : zh);
  const restart = () => setPages([]);

  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('stock.title')}</h1>
        <div className="flex gap-3">
          <Link href="/stock/adjustments" className="btn-secondary">
            {t('stock.adjustments')}
          </Link>
          <Link href="/transfers" className="btn-secondary">
            {t('nav.transfers')}
          </Link>
        </div>
      </div>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <input
          type="search"
          aria-label={t('stock.search')}
          placeholder={t('products.searchHint')}
          className="field-input max-w-md"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            restart();
          }}
        />
        <select
          aria-label={t('products.department')}
          className="field-input max-w-xs"
          value={departmentId}
          onChange={(event) => {
            setDepartmentId(event.target.value);
            restart();
          }}
        >
          <option value="">{t('products.allDepartments')}</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {name(d.nameZh, d.nameEn)}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={negativeOnly}
            onChange={(event) => {
              setNegativeOnly(event.target.checked);
              restart();
            }}
          />
          {t('stock.negativeOnly')}
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={lowOnly}
            onChange={(event) => {
              setLowOnly(event.target.checked);
              restart();
            }}
          />
          {t('stock.lowOnly')}
        </label>
      </div>
      <ErrorAlert error={describeError(stock.error, t)} />
      <div className="overflow-hidden rounded bg-white shadow">
        <table className="data-table" aria-label={t('stock.title')} aria-busy={stock.isFetching}>
          <thead>
            <tr>
              <th>{t('products.code')}</th>
              <th>{t('stock.product')}</th>
              <th>{t('products.department')}</th>
              <th className="text-right">{t('stock.onHand')}</th>
              <th className="text-right">{t('stock.avgCost')}</th>
              <th className="text-right">{t('stock.value')}</th>
              <th className="text-right">{t('stock.reorderPoint')}</th>
              <th>{t('stock.flags')}</th>
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={stock.isPending} columns={8} />
            {stock.data?.items.map((item) => (
              <tr key={item.productId} className="hover:bg-slate-50">
                <td className="font-mono">{item.code}</td>
                <td>
                  <Link href={`/stock/${item.productId}`} className="text-brand-700 hover:underline">
                    {name(item.nameZh, item.nameEn)}
                  </Link>
                </td>
                <td>{name(item.departmentNameZh, item.departmentNameEn)}</td>
                <td className={`text-right font-mono ${item.negative ? 'font-semibold text-red-700' : ''}`}>
                  {formatQuantity(item.onHand, item.unit)}
                </td>
                <td className="text-right font-mono">{formatFen(item.avgCostFen, { symbol: true })}</td>
                <td className="text-right font-mono">{formatFen(item.valueFen, { symbol: true })}</td>
                <td className="text-right font-mono">
                  {item.reorderPoint === null ? '' : formatQuantity(item.reorderPoint, item.unit)}
                </td>
                <td>
                  {item.negative && <span className="text-red-700">{t('stock.negative')}</span>}
                  {item.low && <span className="text-amber-700">{t('stock.low')}</span>}
                </td>
              </tr>
            ))}
            {stock.data && stock.data.items.length === 0 && <EmptyRow columns={8}>{t('products.none')}</EmptyRow>}
          </tbody>
        </table>
      </div>
      <ListPager
        page={pages.length + 1}
        hasNext={Boolean(stock.data?.nextAfterCode)}
        onPrevious={() => setPages(pages.slice(0, -1))}
        onNext={() => stock.data?.nextAfterCode && setPages([...pages, stock.data.nextAfterCode])}
      />
    </section>
  );
}
