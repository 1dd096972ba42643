'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
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

export function LabelSheet({ productIds }: { productIds: string[] }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<'shelf' | 'tag'>('shelf');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const input = deferredQuery ? { query: deferredQuery } : { productIds };
  const labels = useQuery({
    ...trpc.catalogIo.labels.queryOptions(input),
    enabled: Boolean(deferredQuery) || productIds.length > 0,
  });
  const items = labels.data ?? [];

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
        <p className="text-sm text-slate-600" aria-live="polite">
          {items.length > 0
            ? t('catalogIo.labels.count', { n: items.length })
            : labels.isFetching
              ? ''
              : t('catalogIo.labels.none')}
        </p>
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
