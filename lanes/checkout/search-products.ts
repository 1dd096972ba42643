import { normalizeSearchText } from '@/server/domain/pinyin';
import type { LaneProduct } from './cart';

/** Items without a barcode, found in the lane's cached catalog by pinyin initials, name or item code. */
export function searchProducts(products: Iterable<LaneProduct>, query: string, limit = 8): LaneProduct[] {
  const q = normalizeSearchText(query);
  if (q.length === 0) return [];
  const ranked: { product: LaneProduct; rank: number }[] = [];
  for (const product of products) {
    if (!product.active) continue;
    const rank =
      product.code === q
        ? 0
        : product.pinyinInitials.startsWith(q)
          ? 1
          : normalizeSearchText(product.nameZh).includes(q)
            ? 2
            : product.pinyinInitials.includes(q) || normalizeSearchText(product.nameEn).includes(q)
              ? 3
              : -1;
    if (rank >= 0) ranked.push({ product, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.product.code.localeCompare(b.product.code))
    .slice(0, limit)
    .map((r) => r.product);
}
