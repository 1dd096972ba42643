import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { products } from '../../db/schema';
import { diffFields, writeAudit } from '../audit/write-audit';
import { can } from '../auth/permissions';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import { assertDepartmentInStore, translateCatalogConflict } from './create-product';
import { getProduct } from './get-product';
import { productFieldShape, weighedNeedsPlu } from './product-fields';
import { searchColumns } from './product-search-columns';

export const UpdateProductInput = z
  .object({ id: z.uuid(), ...productFieldShape })
  .partial()
  .required({ id: true })
  .refine(...weighedNeedsPlu);
export type UpdateProductInput = z.input<typeof UpdateProductInput>;

export async function updateProduct(ctx: StaffContext, rawInput: UpdateProductInput) {
  const { id, ...changes } = UpdateProductInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(products)
      .where(and(eq(products.id, id), eq(products.storeId, ctx.storeId)))
      .for('update');
    if (!before) throw notFound('product');
    const diff = diffFields(before, changes);
    if (Object.keys(diff).length === 0) return getProduct(tx, { id });
    if (diff.priceFen && !can(ctx.actor.role, 'prices.change')) {
      throw new DomainError('FORBIDDEN', 'prices.forbidden', 'Your role cannot change prices');
    }
    const unit = changes.unit ?? before.unit;
    const plu = changes.plu === undefined ? before.plu : changes.plu;
    if (unit === 'kg' && !plu) {
      throw new DomainError('INVALID', 'product.plu-required', 'Goods sold by weight need a PLU', {
        plu: ['Goods sold by weight need a PLU for the scale'],
      });
    }
    if (changes.departmentId) await assertDepartmentInStore(tx, changes.departmentId);
    const names = { nameZh: changes.nameZh ?? before.nameZh, nameEn: changes.nameEn ?? before.nameEn };
    try {
      await tx.db
        .update(products)
        .set({ ...changes, ...searchColumns({ ...names, code: changes.code ?? before.code }), updatedAt: tx.now() })
        .where(eq(products.id, id));
    } catch (error) {
      throw translateCatalogConflict(error);
    }
    await writeAudit(tx, {
      action: diff.priceFen ? 'product.price-changed' : 'product.updated',
      entityType: 'product',
      entityId: id,
      summary: `${changes.code ?? before.code} ${names.nameZh}`,
      changes: diff,
    });
    return getProduct(tx, { id });
  });
}
