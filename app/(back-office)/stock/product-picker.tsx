'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

export interface PickedProduct {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
}

/** A barcode field (scanner or typing, Enter adds) and a product search, for building document lines. */
export function ProductPicker({ onPick }: { onPick: (product: PickedProduct) => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [query, setQuery] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query.trim());
  const results = useQuery({
    ...trpc.catalog.list.queryOptions({ query: deferredQuery, pageSize: 8 }),
    enabled: deferredQuery.length > 0,
  });
  const name = (p: PickedProduct) => (locale === 'en' && p.nameEn ? p.nameEn : p.nameZh);
  const scan = async () => {
    const scanned = code.trim();
    if (!scanned) return;
    try {
      const resolved = await queryClient.fetchQuery(trpc.catalog.resolveScan.queryOptions({ code: scanned }));
      onPick(resolved.product);
      setCode('');
      setScanError(null);
    } catch (error) {
      setScanError(describeError(error, t)?.message ?? t('common.error'));
    }
  };
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {/* Not a form of its own: pickers sit inside the document's form, and forms cannot nest. */}
      <div>
        <label htmlFor="picker-barcode" className="field-label">
          {t('stock.barcode')}
        </label>
        <div className="flex gap-2">
          <input
            id="picker-barcode"
            className="field-input"
            inputMode="numeric"
            autoComplete="off"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void scan();
            }}
          />
          <button type="button" className="btn-secondary" onClick={() => void scan()}>
            {t('stock.addByBarcode')}
          </button>
        </div>
        {scanError && (
          <p role="alert" className="field-error">
            {scanError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="picker-search" className="field-label">
          {t('stock.findProduct')}
        </label>
        <input
          id="picker-search"
          type="search"
          className="field-input"
          placeholder={t('products.searchHint')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {deferredQuery && (
          <ul className="mt-2 divide-y rounded border bg-white" aria-label={t('stock.searchResults')}>
            {results.data?.items.map((product) => (
              <li key={product.id} className="flex items-center justify-between px-3 py-1">
                <span>
                  <span className="font-mono text-xs text-slate-500">{product.code}</span> {name(product)}
                </span>
                <button
                  type="button"
                  className="text-sm text-brand-700 hover:underline"
                  aria-label={t('stock.addProduct', { name: product.nameZh })}
                  onClick={() => {
                    onPick(product);
                    setQuery('');
                  }}
                >
                  {t('stock.add')}
                </button>
              </li>
            ))}
            {results.data?.items.length === 0 && <li className="px-3 py-1 text-slate-500">{t('products.none')}</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
