import { eq } from 'drizzle-orm';
import { stores } from '../../db/schema';
import { can } from '../auth/permissions';
import type { SessionStaff } from '../auth/resolve-session';
import type { ServiceContext, StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { listStores } from '../stores/list-stores';

/** The store a member of staff acts on: their own, or for head office the one they chose (else the first). */
export async function staffContextFor(
  ctx: ServiceContext,
  member: SessionStaff,
  chosenStoreId: string | undefined,
): Promise<StaffContext> {
  let storeId = member.storeId;
  if (!storeId && can(member.role, 'stores.switch')) {
    if (chosenStoreId) {
      const [chosen] = await ctx.db.select({ id: stores.id }).from(stores).where(eq(stores.id, chosenStoreId));
      storeId = chosen?.id ?? null;
    }
    storeId ??= (await listStores(ctx))[0]?.id ?? null;
  }
  if (!storeId) throw new DomainError('FORBIDDEN', 'store.none', 'No store to work on');
  return {
    ...ctx,
    storeId,
    actor: { staffId: member.id, role: member.role, storeId: member.storeId },
  };
}
