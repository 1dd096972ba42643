'use client';

import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

/** A product as the catalog search lists it. */
export interface ListedProduct {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
}

export const productName = (locale: string, p: { nameZh: string; nameEn: string }) =>
  locale === 'en' && p.nameEn ? p.nameEn : p.nameZh;

export interface ProductPickerLabels {
  code: string;
  codeHint?: string;
  /** A button beside the code field that sends it, as Enter does. */
  codeButton?: string;
  /** Shown when the code or product cannot be resolved and the error says nothing more. */
  notFound: string;
  search: string;
  searchPlaceholder?: string;
  results: string;
  /** Accessible name of the button that picks a search result. */
  pick: (product: ListedProduct) => string;
  /** Visible text of a separate pick button on each result; without it the whole row is the button. */
  pickButton?: string;
  noResults?: string;
}

interface ProductPickerProps<P> {
  labels: ProductPickerLabels;
  /** Resolves a scanned or typed code. */
  resolveCode: (code: string) => Promise<P>;
  /** Resolves a search result. */
  resolveListed: (product: ListedProduct) => P | Promise<P>;
  onPick: (product: P, scanned: boolean) => void;
  /** Keeps the code in its field until it resolved, so a mistyped code can be corrected; else it is cleared at once for the next wedge scan. */
  keepCodeUntilFound?: boolean;
}

/**
 * A code field (USB wedge scanners type the code and Enter) and a product search, both handing back one product.
 * Not a form of its own: pickers sit inside the document's form, and forms cannot nest.
 */
export function ProductPicker<P>({
  labels,
  resolveCode,
  resolveListed,
  onPick,
  keepCodeUntilFound = false,
}: ProductPickerProps<P>) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [code, setCode] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query.trim());
  const results = useQuery({
    ...trpc.catalog.list.queryOptions({ query: deferredQuery, pageSize: 8 }),
    enabled: deferredQuery.length > 0,
  });

  const pick = async (resolve: () => P | Promise<P>, scanned: boolean) => {
    setError(null);
    try {
      onPick(await resolve(), scanned);
      return true;
    } catch (cause) {
      setError(describeError(cause, t)?.message ?? labels.notFound);
      return false;
    }
  };

  const sendCode = async () => {
    const scanned = code.trim();
    if (!scanned) return;
    if (!keepCodeUntilFound) setCode('');
    if ((await pick(() => resolveCode(scanned), true)) && keepCodeUntilFound) setCode('');
  };

  const pickListed = (product: ListedProduct) => {
    setQuery('');
    void pick(() => resolveListed(product), false);
  };

  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <label htmlFor={`${id}-code`} className="field-label">
          {labels.code}
        </label>
        <div className="flex gap-2">
          <input
            id={`${id}-code`}
            className="field-input"
            autoComplete="off"
            inputMode="numeric"
            value={code}
            aria-describedby={labels.codeHint ? `${id}-hint` : undefined}
            onChange={(event) => setCode(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void sendCode();
            }}
          />
          {labels.codeButton && (
            <button type="button" className="btn-secondary" onClick={() => void sendCode()}>
              {labels.codeButton}
            </button>
          )}
        </div>
        {labels.codeHint && (
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
            {labels.codeHint}
          </p>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-search`} className="field-label">
          {labels.search}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="field-input"
          placeholder={labels.searchPlaceholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {deferredQuery && (
          <ul className="mt-1 max-h-56 divide-y overflow-auto rounded border bg-white" aria-label={labels.results}>
            {results.data?.items.map((product) => {
              const shown = (
                <>
                  <span className="font-mono text-xs text-slate-500">{product.code}</span>{' '}
                  {productName(locale, product)}
                </>
              );
              return labels.pickButton ? (
                <li key={product.id} className="flex items-center justify-between px-3 py-1">
                  <span>{shown}</span>
                  <button
                    type="button"
                    className="text-sm text-brand-700 hover:underline"
                    aria-label={labels.pick(product)}
                    onClick={() => pickListed(product)}
                  >
                    {labels.pickButton}
                  </button>
                </li>
              ) : (
                <li key={product.id}>
                  <button
                    type="button"
                    className="w-full px-3 py-1 text-left hover:bg-slate-100"
                    aria-label={labels.pick(product)}
                    onClick={() => pickListed(product)}
                  >
                    {shown}
                  </button>
                </li>
              );
            })}
            {labels.noResults && results.data?.items.length === 0 && (
              <li className="px-3 py-1 text-slate-500">{labels.noResults}</li>
            )}
          </ul>
        )}
      </div>
    </div>
  );
}
