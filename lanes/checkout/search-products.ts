import { normalizeSearchText } from '@/server/domain/pinyin';
import type { LaneProduct } from './cart';

/** A product with its names normalized once, so a keystroke in the search field only compares strings. */
export interface SearchEntry {
  product: LaneProduct;
  nameZh: string;
  nameEn: string;
}

export const searchEntry = (product: LaneProduct): SearchEntry => ({
  product,
  nameZh: normalizeSearchText(product.nameZh),
  nameEn: normalizeSearchText(product.nameEn),
});

function rankOf(entry: SearchEntry, q: string): number {
  const { product } = entry;
  if (product.code === q) return 0;
  if (product.pinyinInitials.startsWith(q)) return 1;
  if (entry.nameZh.includes(q)) return 2;
  if (product.pinyinInitials.includes(q) || entry.nameEn.includes(q)) return 3;
  return -1;
}

/**
 * The best `limit` matches by rank, then item code. Keeps only the best few while scanning, so a short
 * query matching most of a 100,000-product catalog costs no sort of all the matches.
 */
export function searchEntries(entries: Iterable<SearchEntry>, query: string, limit = 8): LaneProduct[] {
  const q = normalizeSearchText(query);
  if (q.length === 0 || limit <= 0) return [];
  const best: { product: LaneProduct; rank: number }[] = [];
  const before = (a: { product: LaneProduct; rank: number }, b: { product: LaneProduct; rank: number }) =>
    a.rank - b.rank || a.product.code.localeCompare(b.product.code);
  for (const entry of entries) {
    if (!entry.product.active) continue;
    const rank = rankOf(entry, q);
    if (rank < 0) continue;
    const candidate = { product: entry.product, rank };
    const worst = best.at(-1);
    if (best.length === limit && worst && before(candidate, worst) >= 0) continue;
    let at = best.length;
    for (let previous = best[at - 1]; previous && before(candidate, previous) < 0; previous = best[at - 1]) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map((r) => r.product);
}

/** Items without a barcode, found in the lane's cached catalog by pinyin initials, name or item code. */
export function searchProducts(products: Iterable<LaneProduct>, query: string, limit = 8): LaneProduct[] {
  const entries = function* () {
    for (const product of products) yield searchEntry(product);
  };
  return searchEntries(entries(), query, limit);
}
