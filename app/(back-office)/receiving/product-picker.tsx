'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState, type KeyboardEvent } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

export interface PickedProduct {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
  onHand: number;
  suggestedCostFen: number;
  /** From a scale label: the weight it carries, in grams. */
  weightGrams: number | null;
}

export const productName = (locale: string, p: { nameZh: string; nameEn: string }) =>
  locale === 'en' && p.nameEn ? p.nameEn : p.nameZh;

/** A scan field (USB wedge scanners type the code and Enter) and a product search; both hand back one product. */
export function ProductPicker({ onPick }: { onPick: (product: PickedProduct, scanned: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query.trim());
  const results = useQuery({
    ...trpc.catalog.list.queryOptions({ query: deferredQuery, pageSize: 8 }),
    enabled: deferredQuery.length > 0,
  });

  const pick = async (input: { code: string } | { productId: string }, scanned: boolean) => {
    setError(null);
    try {
      const product = await queryClient.fetchQuery({ ...trpc.receiving.product.queryOptions(input), staleTime: 0 });
      onPick(product, scanned);
    } catch (cause) {
      const shown = describeError(cause, t);
      setError(shown?.message ?? t('receiving.notFound'));
    }
  };

  const onScanKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const scanned = code.trim();
    if (!scanned) return;
    setCode('');
    void pick({ code: scanned }, true);
  };

  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <label htmlFor="receiving-scan" className="field-label">
          {t('receiving.scan')}
        </label>
        <input
          id="receiving-scan"
          className="field-input"
          autoComplete="off"
          inputMode="numeric"
          value={code}
          aria-describedby="receiving-scan-hint"
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={onScanKey}
        />
        <p id="receiving-scan-hint" className="mt-1 text-xs text-slate-500">
          {t('receiving.scanHint')}
        </p>
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="receiving-search" className="field-label">
          {t('receiving.searchProduct')}
        </label>
        <input
          id="receiving-search"
          type="search"
          className="field-input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {deferredQuery && (
          <ul className="mt-1 max-h-56 overflow-auto rounded border bg-white" aria-label={t('receiving.searchProduct')}>
            {results.data?.items.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="w-full px-3 py-1 text-left hover:bg-slate-100"
                  aria-label={t('receiving.add', { name: productName(locale, p) })}
                  onClick={() => {
                    setQuery('');
                    void pick({ productId: p.id }, false);
                  }}
                >
                  <span className="font-mono text-xs text-slate-500">{p.code}</span> {productName(locale, p)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
