import { and, eq, exists, like, or, type SQL } from 'drizzle-orm';
import { barcodes, products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { normalizeSearchText } from '../domain/pinyin';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A product list's match: name (zh/en), code or pinyin initials on the trigram-indexed search text, or an exact barcode. */
export function productSearchFilter(ctx: StaffContext, rawQuery: string): SQL | null {
  const query = normalizeSearchText(rawQuery);
  if (!query) return null;
  const byText = like(products.searchText, `%${escapeLike(query)}%`);
  if (!/^[0-9]{8,14}$/.test(query)) return byText;
  const byBarcode = exists(
    ctx.db
      .select({ one: barcodes.id })
      .from(barcodes)
      .where(
        and(eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, rawQuery.trim()), eq(barcodes.productId, products.id)),
      ),
  );
  return or(byText, byBarcode) as SQL;
}
