import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, departments, products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { storeFileName } from '../exports/store-file-name';
import { catalogRow, writeCatalogCsv, writeCatalogXlsx } from './write-catalog-file';

export const ExportCatalogInput = z.object({
  format: z.enum(['csv', 'xlsx']),
  headers: z.enum(['zh', 'en']).default('zh'),
});
export type ExportCatalogInput = z.input<typeof ExportCatalogInput>;

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The store's whole catalog in the import layout, so exporting and importing it again changes nothing. */
export async function exportCatalog(ctx: StaffContext, rawInput: ExportCatalogInput) {
  const input = ExportCatalogInput.parse(rawInput);
  const rows = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      departmentCode: departments.code,
      unit: products.unit,
      priceFen: products.priceFen,
      costFen: products.costFen,
      vatRateBps: products.vatRateBps,
      plu: products.plu,
      active: products.active,
    })
    .from(products)
    .innerJoin(departments, eq(departments.id, products.departmentId))
    .where(eq(products.storeId, ctx.storeId))
    .orderBy(asc(products.code));
  const codes = new Map<string, string[]>();
  const barcodeRows = await ctx.db
    .select({ productId: barcodes.productId, code: barcodes.code })
    .from(barcodes)
    .where(eq(barcodes.storeId, ctx.storeId))
    .orderBy(asc(barcodes.createdAt), asc(barcodes.code));
  for (const b of barcodeRows) {
    const list = codes.get(b.productId);
    if (list) list.push(b.code);
    else codes.set(b.productId, [b.code]);
  }
  const fileRows = rows.map((p) => catalogRow({ ...p, barcodes: codes.get(p.id) ?? [] }, input.headers));
  const content =
    input.format === 'csv' ? writeCatalogCsv(fileRows, input.headers) : await writeCatalogXlsx(fileRows, input.headers);
  return {
    fileName: await storeFileName(ctx, 'catalog', input.format),
    mimeType: MIME[input.format],
    contentBase64: content.toString('base64'),
  };
}
