import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';

const CHUNK = 1_000_000;

/**
 * Tops the store's stock ledger up to `target` movements spread over its products and the last year (a receipt of
 * 20 for every four sales of 1), a million per transaction with the on-hand projection moved in the same one.
 */
export async function seedLargeMovements(
  db: Database,
  storeId: string,
  target: number,
  onProgress?: (done: number) => void,
): Promise<{ added: number }> {
  const [counted] = rowsOf<{ n: string }>(
    await db.execute(sql`select count(*)::text as n from stock_movements where store_id = ${storeId}`),
  );
  const [products] = rowsOf<{ n: string }>(
    await db.execute(sql`select count(*)::text as n from products where store_id = ${storeId}`),
  );
  const productCount = Number(products?.n ?? 0);
  let done = Number(counted?.n ?? 0);
  const start = done;
  while (done < target && productCount > 0) {
    const to = Math.min(target, done + CHUNK);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        with numbered as (
          select id, (row_number() over (order by id) - 1)::bigint as n from products where store_id = ${storeId}
        ), moved as (
          insert into stock_movements (id, store_id, product_id, kind, quantity_delta, source_type, source_id, created_at)
          select gen_random_uuid(), ${storeId}::uuid, numbered.id,
            (case when g % 5 = 0 then 'receipt' else 'sale' end)::stock_movement_kind,
            case when g % 5 = 0 then 20 else -1 end, 'bench', gen_random_uuid(),
            now() - interval '1 year' + (g % 525600) * interval '1 minute'
          from generate_series(${done}::bigint, ${to - 1}::bigint) as g
          join numbered on numbered.n = (g * 7919) % ${productCount}
          returning product_id, quantity_delta, created_at
        )
        insert into stock_levels (store_id, product_id, on_hand, updated_at)
        select ${storeId}::uuid, product_id, sum(quantity_delta), max(created_at) from moved group by product_id
        on conflict (store_id, product_id)
        do update set on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at`);
    });
    done = to;
    onProgress?.(done);
  }
  if (done > start) await db.execute(sql`analyze stock_movements; analyze stock_levels`);
  return { added: done - start };
}
