import { z } from 'zod';
import { products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { ResolvedCode } from '../domain/resolve-code';
import { resolveInStore, type ProductRow } from './resolve-in-store';

export const ResolveScanInput = z.object({ code: z.string().trim().min(1).max(32) });
export type ResolveScanInput = z.input<typeof ResolveScanInput>;

const scanColumns = {
  id: products.id,
  code: products.code,
  nameZh: products.nameZh,
  nameEn: products.nameEn,
  unit: products.unit,
  priceFen: products.priceFen,
  vatRateBps: products.vatRateBps,
  departmentId: products.departmentId,
  active: products.active,
};

type ScanProduct = ProductRow<typeof scanColumns>;

/** The server's answer to a scanned code, with the store's scale layouts; unknown codes are a clear NOT_FOUND. */
export async function resolveScan(ctx: StaffContext, rawInput: ResolveScanInput): Promise<ResolvedCode<ScanProduct>> {
  const { code } = ResolveScanInput.parse(rawInput);
  const resolved = await resolveInStore(ctx, code, scanColumns);
  if (!resolved) throw notFound('barcode');
  if (!resolved.product.active) throw new DomainError('INVALID', 'product.inactive', 'This product is not for sale');
  return resolved;
}
