'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { EmptyRow, ListPager, LoadingRow } from '@/app/components/list-pager';
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
  const mayImport = me.data?.permissions.includes('catalog.import') ?? false;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const exportCatalog = useMutation(trpc.catalogIo.exportCatalog.mutationOptions({ onSuccess: download }));
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
        <div className="flex gap-2">
          <Link
            href={`/products/labels?ids=${[...selected].join(',')}`}
            className="btn-secondary"
            aria-disabled={selected.size === 0}
          >
            {t('catalogIo.labels.print', { n: selected.size })}
          </Link>
          {(['csv', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="btn-secondary"
              disabled={exportCatalog.isPending}
              onClick={() => exportCatalog.mutate({ format, headers: locale === 'en' ? 'en' : 'zh' })}
            >
              {exportCatalog.isPending && exportCatalog.variables.format === format
                ? t('catalogIo.export.working')
                : t(format === 'csv' ? 'catalogIo.export.csv' : 'catalogIo.export.xlsx')}
            </button>
          ))}
          {mayImport && (
            <Link href="/products/import" className="btn-secondary">
              {t('catalogIo.import.link')}
            </Link>
          )}
          {mayCreate && (
            <Link href="/products/new" className="btn-primary">
              {t('products.new')}
            </Link>
          )}
        </div>
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
        <table className="data-table" aria-label={t('products.title')} aria-busy={products.isFetching}>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('catalogIo.selectPage')}
                  checked={
                    Boolean(products.data?.items.length) && products.data?.items.every((p) => selected.has(p.id))
                  }
                  onChange={(event) => {
                    const next = new Set(selected);
                    for (const p of products.data?.items ?? []) {
                      if (event.target.checked) next.add(p.id);
                      else next.delete(p.id);
                    }
                    setSelected(next);
                  }}
                />
              </th>
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
            <LoadingRow loading={products.isPending} columns={8} />
            {products.data?.items.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('catalogIo.select', { name: p.nameZh })}
                    checked={selected.has(p.id)}
                    onChange={(event) => {
                      const next = new Set(selected);
                      if (event.target.checked) next.add(p.id);
                      else next.delete(p.id);
                      setSelected(next);
                    }}
                  />
                </td>
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
            {products.data && products.data.items.length === 0 && <EmptyRow columns={8}>{t('products.none')}</EmptyRow>}
          </tbody>
        </table>
      </div>
      <ListPager
        page={page}
        hasNext={Boolean(products.data?.hasMore)}
        onPrevious={() => setPage(page - 1)}
        onNext={() => setPage(page + 1)}
      />
    </section>
  );
}

function download({
  fileName,
  mimeType,
  contentBase64,
}: {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}) {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
