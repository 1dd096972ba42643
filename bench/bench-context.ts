import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { staff } from '../db/schema';
import type { StaffContext } from '../server/core/context';
import { hashPassword } from '../server/auth/password';
import { newId } from '../server/core/ids';

/** A store manager of the bench store to run services as. */
export async function staffContextForBench(db: Database, storeId: string): Promise<StaffContext> {
  let [manager] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.storeId, storeId), eq(staff.role, 'store_manager')));
  if (!manager) {
    manager = { id: newId() };
    await db.insert(staff).values({
      id: manager.id,
      storeId,
      operatorNo: '99999901',
      name: '压测店长',
      role: 'store_manager',
      passwordHash: await hashPassword(newId()),
    });
  }
  return { db, now: () => new Date(), storeId, actor: { staffId: manager.id, role: 'store_manager', storeId } };
}

/** A cashier for one bench lane, made once and reused by later runs. */
export async function addBenchCashier(db: Database, storeId: string, operatorNo: string): Promise<string> {
  const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.operatorNo, operatorNo));
  if (existing) return existing.id;
  const id = newId();
  await db.insert(staff).values({
    id,
    storeId,
    operatorNo,
    name: `压测收银 ${operatorNo}`,
    role: 'cashier',
    passwordHash: await hashPassword(newId()),
  });
  return id;
}

/** Reorder rules on one product in fifty, with points around the seeded on hand, so "low only" finds some. */
export async function seedReorderRules(db: Database, storeId: string): Promise<void> {
  await db.execute(sql`
    insert into reorder_rules (store_id, product_id, reorder_point, reorder_quantity, updated_at)
    select p.store_id, p.id, coalesce(l.on_hand, 0) + (abs(hashtext(p.code)) % 40) - 20, 24, now()
    from products p left join stock_levels l on l.store_id = p.store_id and l.product_id = p.id
    where p.store_id = ${storeId} and abs(hashtext(p.code)) % 50 = 0
    on conflict do nothing`);
}
