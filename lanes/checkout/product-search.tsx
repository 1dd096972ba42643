'use client';

import { useMemo, useState } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';
import type { LaneProduct } from './cart';

/** Finds a product by name, pinyin or code in the in-memory catalog, for goods without a barcode to scan. */
export function ProductSearch({
  search,
  onPick,
}: {
  search: (query: string) => LaneProduct[];
  onPick: (product: LaneProduct) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const results = useMemo(() => search(query), [search, query]);
  return (
    <div className="border-b px-3 py-2">
      <input
        type="search"
        aria-label={t('lane.search')}
        placeholder={t('lane.search')}
        className="field-input"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {results.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={t('lane.searchResults')}>
          {results.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                className="btn-secondary px-2 py-1"
                onClick={() => {
                  onPick(product);
                  setQuery('');
                }}
              >
                {product.nameZh} {formatFen(product.priceFen, { symbol: true })}
                {product.unit === 'kg' ? '/kg' : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
