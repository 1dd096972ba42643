'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { ErrorAlert } from '@/app/components/field';
import { RowName } from '@/app/components/row-name';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';

// A4 with 8 mm margins: 3×8 shelf labels of 64×35 mm, or 2×4 price tags of 97×70 mm.
const PRINT_CSS = `
@page { size: A4; margin: 8mm; }
.label-sheet { display: grid; gap: 0; }
.label-sheet.shelf { grid-template-columns: repeat(3, 64mm); grid-auto-rows: 35mm; }
.label-sheet.tag { grid-template-columns: repeat(2, 97mm); grid-auto-rows: 70mm; }
.label-sheet > article { break-inside: avoid; overflow: hidden; border: 1px dashed #cbd5e1; padding: 2mm 3mm; }
.label-sheet .barcode svg { height: 100%; width: auto; max-width: 100%; }
.label-sheet.shelf > article:nth-child(24n) { break-after: page; }
.label-sheet.tag > article:nth-child(8n) { break-after: page; }
@media print {
  header, .no-print { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  body { background: white !important; }
  .label-sheet > article { border-color: #e2e8f0; }
}
`;

/** Labels chosen in the product list, plus any added from a search: a search offers products, it never replaces the chosen. */
export function LabelSheet({ productIds }: { productIds: string[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<'shelf' | 'tag'>('shelf');
  const [chosen, setChosen] = useState<string[]>(productIds);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const labels = useQuery({
    ...trpc.catalogIo.labels.queryOptions({ productIds: chosen }),
    enabled: chosen.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = useQuery({
    ...trpc.catalogIo.labels.queryOptions({ query: deferredQuery }),
    enabled: Boolean(deferredQuery),
  });
  const items = chosen.length > 0 ? (labels.data ?? []) : [];
  const offered = deferredQuery ? (found.data ?? []) : [];
  const notChosen = offered.filter((product) => !chosen.includes(product.id));
  const add = (ids: string[]) => setChosen((current) => [...current, ...ids.filter((id) => !current.includes(id))]);
  const name = (label: { nameZh: string; nameEn: string | null }) =>
    locale === 'en' && label.nameEn ? label.nameEn : label.nameZh;

  return (
    <section>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 space-y-3">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-semibold">{t('catalogIo.labels.title')}</h1>
          <Link href="/products" className="btn-secondary">
            {t('products.title')}
          </Link>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <label className="block">
            <span className="mb-1 block text-sm font-medium">{t('catalogIo.labels.kind')}</span>
            <select className="field-input" value={kind} onChange={(e) => setKind(e.target.value as 'shelf' | 'tag')}>
              <option value="shelf">{t('catalogIo.labels.shelf')}</option>
              <option value="tag">{t('catalogIo.labels.tag')}</option>
            </select>
          </label>
          <label className="block grow">
            <span className="mb-1 block text-sm font-medium">{t('catalogIo.labels.search')}</span>
            <input
              type="search"
              className="field-input max-w-md"
              placeholder={t('catalogIo.labels.searchHint')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <button type="button" className="btn-primary" disabled={items.length === 0} onClick={() => window.print()}>
            {t('catalogIo.labels.printNow')}
          </button>
        </div>
        {deferredQuery && (
          <section aria-labelledby="label-results" className="rounded bg-white p-3 shadow">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 id="label-results" className="font-medium">
                {t('catalogIo.labels.results')}
              </h2>
              <button
                type="button"
                className="btn-secondary"
                disabled={notChosen.length === 0}
                onClick={() => add(notChosen.map((product) => product.id))}
              >
                {t('catalogIo.labels.addAll', { n: notChosen.length })}
              </button>
            </div>
            <ul className="max-h-64 divide-y overflow-y-auto" aria-labelledby="label-results">
              {offered.map((product) => (
                <li key={product.id} className="flex items-center justify-between gap-3 py-1 text-sm">
                  <span className="min-w-0 truncate">
                    <span className="font-mono text-xs text-slate-500">{product.code}</span> {name(product)} ¥
                    {formatFen(product.priceFen)}
                  </span>
                  {chosen.includes(product.id) ? (
                    <span className="text-xs text-slate-500">{t('catalogIo.labels.added')}</span>
                  ) : (
                    <button type="button" className="btn-secondary shrink-0" onClick={() => add([product.id])}>
                      {t('catalogIo.labels.add')}
                      <RowName>{name(product)}</RowName>
                    </button>
                  )}
                </li>
              ))}
              {found.data && offered.length === 0 && (
                <li className="py-2 text-sm text-slate-500">{t('catalogIo.labels.noResults')}</li>
              )}
              {found.isFetching && !found.data && (
                <li className="py-2 text-sm text-slate-500">{t('catalogIo.labels.searching')}</li>
              )}
            </ul>
          </section>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-600" aria-live="polite">
            {chosen.length > 0 || deferredQuery
              ? t('catalogIo.labels.count', { n: chosen.length })
              : t('catalogIo.labels.none')}
          </p>
          <button type="button" className="btn-secondary" disabled={chosen.length === 0} onClick={() => setChosen([])}>
            {t('catalogIo.labels.clear')}
          </button>
        </div>
        <ErrorAlert error={describeError(labels.error ?? found.error, t)} />
      </div>
      <div className={`label-sheet ${kind}`} role="list" aria-label={t('catalogIo.labels.sheet')}>
        {items.map((label) => (
          <article key={label.id} role="listitem" aria-label={label.nameZh} className="flex flex-col bg-white">
            <div
              className={kind === 'tag' ? 'text-lg font-semibold leading-tight' : 'text-sm font-semibold leading-tight'}
            >
              {label.nameZh}
            </div>
            {label.nameEn && <div className="truncate text-[9px] text-slate-600">{label.nameEn}</div>}
            <div className="flex items-baseline gap-1">
              <span className={kind === 'tag' ? 'text-5xl font-bold' : 'text-2xl font-bold'}>
                ¥{formatFen(label.priceFen)}
              </span>
              <span className="text-xs">
                {label.unit === 'kg' ? t('catalogIo.labels.perKg') : t('catalogIo.labels.each')}
              </span>
            </div>
            {label.unit === 'kg' && (
              <div className="text-[9px]">{t('catalogIo.labels.unitPrice', { price: formatFen(label.priceFen) })}</div>
            )}
            <div className="mt-auto flex items-end justify-between gap-1">
              <span className="font-mono text-[9px]">
                {label.code}
                {label.plu ? ` · PLU ${label.plu}` : ''}
              </span>
              <figure
                role="img"
                aria-label={t('catalogIo.labels.barcode', { code: label.barcode.code })}
                className={`barcode ${kind === 'tag' ? 'h-16' : 'h-10'}`}
                lang={locale}
                // The SVG is drawn on the server by bwip-js from a validated barcode or item code.
                dangerouslySetInnerHTML={{ __html: label.barcodeSvg }}
              />
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
