'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { formatFen } from '@/server/domain/money';

export function ProductList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [query, setQuery] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [page, setPage] = useState(1);
  const deferredQuery = useDeferredValue(query.trim());
  const me = useQuery(trpc.auth.me.queryOptions());
  const mayCreate = me.data?.permissions.includes('catalog.write') ?? false;
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const products = useQuery({
    ...trpc.catalog.list.queryOptions({
      query: deferredQuery || undefined,
      departmentId: departmentId || undefined,
      page,
    }),
    placeholderData: keepPreviousData,
  });
  const name = (zh: string, en: string) => (locale === 'en' && en ? en : zh);

  return (
    <section>
      <div className="mb-4 flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t('products.title')}</h1>
        {mayCreate && (
          <Link href="/products/new" className="btn-primary">
            {t('products.new')}
          </Link>
        )}
      </div>
      <div className="mb-4 flex gap-3">
        <input
          type="search"
          aria-label={t('products.search')}
          placeholder={t('products.searchHint')}
          className="field-input max-w-md"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setPage(1);
          }}
        />
        <select
          aria-label={t('products.department')}
          className="field-input max-w-xs"
          value={departmentId}
          onChange={(event) => {
            setDepartmentId(event.target.value);
            setPage(1);
          }}
        >
          <option value="">{t('products.allDepartments')}</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {name(d.nameZh, d.nameEn)}
            </option>
          ))}
        </select>
      </div>
      <div className="overflow-hidden rounded bg-white shadow">
        <table className="data-table" aria-busy={products.isFetching}>
          <thead>
            <tr>
              <th>{t('products.code')}</th>
              <th>{t('products.nameZh')}</th>
              <th>{t('products.department')}</th>
              <th>{t('products.unit')}</th>
              <th className="text-right">{t('products.price')}</th>
              <th>{t('products.plu')}</th>
              <th>{t('products.active')}</th>
            </tr>
          </thead>
          <tbody>
            {products.data?.items.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <td className="font-mono">{p.code}</td>
                <td>
                  <Link href={`/products/${p.id}`} className="text-brand-700 hover:underline">
                    {p.nameZh}
                  </Link>
                  {p.nameEn && <div className="text-xs text-slate-500">{p.nameEn}</div>}
                </td>
                <td>{name(p.departmentNameZh, p.departmentNameEn)}</td>
                <td>{t(p.unit === 'kg' ? 'products.unit.kg' : 'products.unit.each')}</td>
                <td className="text-right font-mono">{formatFen(p.priceFen, { symbol: true })}</td>
                <td className="font-mono">{p.plu ?? ''}</td>
                <td>{p.active ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
            {products.data && products.data.items.length === 0 && (
              <tr>
                <td colSpan={7} className="py-8 text-center text-slate-500">
                  {t('products.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('products.previous')}
        </button>
        <span className="text-sm text-slate-600">{t('products.page', { page })}</span>
        <button
          type="button"
          className="btn-secondary"
          disabled={!products.data?.hasMore}
          onClick={() => setPage(page + 1)}
        >
          {t('products.next')}
        </button>
      </div>
    </section>
  );
}
