import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, products } from '../../db/schema';
import { listProducts } from '../catalog/list-products';
import type { StaffContext } from '../core/context';
import type { BarcodeKind } from '../domain/barcode';
import { barcodeSvg } from './barcode-svg';

export const MAX_LABELS = 240;

export const ListLabelsInput = z
  .object({
    productIds: z.array(z.uuid()).max(MAX_LABELS).default([]),
    query: z.string().trim().max(60).optional(),
  })
  .refine((input) => input.productIds.length > 0 || Boolean(input.query), {
    path: ['productIds'],
    message: 'Choose products or search for them',
  });
export type ListLabelsInput = z.input<typeof ListLabelsInput>;

const PREFERENCE: BarcodeKind[] = ['ean13', 'ean8', 'upca', 'internal'];

/** What a shelf label or price tag shows for each product, with its barcode drawn as SVG. */
export async function listLabels(ctx: StaffContext, rawInput: ListLabelsInput) {
  const input = ListLabelsInput.parse(rawInput);
  let ids = input.productIds;
  if (ids.length === 0 && input.query) {
    ids = (await listProducts(ctx, { query: input.query, pageSize: 100 })).items.map((p) => p.id);
  }
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      priceFen: products.priceFen,
      plu: products.plu,
    })
    .from(products)
    .where(and(eq(products.storeId, ctx.storeId), inArray(products.id, ids)))
    .orderBy(asc(products.code));
  const codes = await ctx.db
    .select({ productId: barcodes.productId, code: barcodes.code, kind: barcodes.kind })
    .from(barcodes)
    .where(and(eq(barcodes.storeId, ctx.storeId), inArray(barcodes.productId, ids)))
    .orderBy(asc(barcodes.createdAt));
  return rows.map((p) => {
    const own = codes.filter((b) => b.productId === p.id);
    const best = PREFERENCE.map((kind) => own.find((b) => b.kind === kind)).find(Boolean);
    const barcode = best ? { code: best.code, kind: best.kind } : { code: p.code, kind: 'internal' as const };
    return { ...p, barcode, barcodeSvg: barcodeSvg(barcode.code, barcode.kind) };
  });
}
