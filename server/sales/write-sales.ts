import type { Database } from '../../db/client';
import { CARD_OUTCOME_NOT_KNOWN_SQL, type SaleRows } from './check-sales';
import { runStatement } from './run-statement';

/*
 * One atomic statement: a sale whose id is taken, or whose judged facts (its own open shift on its lane, the
 * store's time zone, each product's store and catalog price, no card payment of unknown outcome) no longer hold,
 * writes nothing. The shift's row lock makes a closing shift count the sale or refuse it; stock levels go in
 * product id order, so lanes never deadlock.
 */
const WRITE_SALES = `with new_sales as (
  insert into sales (id, store_id, lane_id, shift_id, staff_id, kind, receipt_no, customer_segment, gross_fen,
    discount_fen, total_fen, change_fen, business_date, local_hour, sold_at, recorded_at, sent_offline, price_differences)
  select s.id, s.store_id, s.lane_id, s.shift_id, s.staff_id, 'sale'::sale_kind, s.receipt_no, s.customer_segment,
    s.gross_fen, s.discount_fen, s.total_fen, s.change_fen, s.business_date, s.local_hour, s.sold_at, s.recorded_at,
    s.sent_offline, s.price_differences
  from jsonb_to_recordset($1::jsonb) as s(id uuid, store_id uuid, lane_id uuid, shift_id uuid, staff_id uuid,
    receipt_no text, customer_segment text, gross_fen int, discount_fen int, total_fen int, change_fen int,
    business_date date, local_hour int, sold_at timestamptz, recorded_at timestamptz, sent_offline boolean,
    price_differences jsonb, lane_timezone text)
  join shifts on shifts.id = s.shift_id and shifts.status = 'open' and shifts.store_id = s.store_id
    and shifts.lane_id = s.lane_id and shifts.staff_id = s.staff_id
  join lanes on lanes.id = s.lane_id and lanes.store_id = s.store_id
  join stores on stores.id = s.store_id and stores.timezone = s.lane_timezone
  where s.id not in (
    select judged.sale_id
    from jsonb_to_recordset($2::jsonb) as judged(sale_id uuid, store_id uuid, product_id uuid, catalog_price_fen int)
    left join products on products.id = judged.product_id and products.store_id = judged.store_id
      and products.price_fen = judged.catalog_price_fen
    where products.id is null)
  and not exists (select 1 from card_payments where card_payments.sale_id = s.id
    and card_payments.store_id = s.store_id and card_payments.${CARD_OUTCOME_NOT_KNOWN_SQL})
  order by s.id
  for share of shifts
  on conflict (id) do nothing
  returning id
), new_lines as (
  insert into sale_lines (id, sale_id, store_id, line_no, product_id, scanned_code, name_zh, department_id, unit,
    quantity, weight_grams, unit_price_fen, label_total_fen, gross_fen, line_discount_fen, sale_discount_fen,
    total_fen, vat_rate_bps, vat_fen)
  select id, sale_id, store_id, line_no, product_id, scanned_code, name_zh, department_id, unit,
    quantity, weight_grams, unit_price_fen, label_total_fen, gross_fen, line_discount_fen, sale_discount_fen,
    total_fen, vat_rate_bps, vat_fen
  from jsonb_to_recordset($2::jsonb) as l(id uuid, sale_id uuid, store_id uuid, line_no int, product_id uuid,
    scanned_code text, name_zh text, department_id uuid, unit text, quantity int, weight_grams int,
    unit_price_fen int, label_total_fen int, gross_fen int, line_discount_fen int, sale_discount_fen int,
    total_fen int, vat_rate_bps int, vat_fen int)
  where sale_id in (select id from new_sales)
), new_tenders as (
  insert into sale_tenders (id, sale_id, store_id, kind, amount_fen, reference)
  select id, sale_id, store_id, kind, amount_fen, reference
  from jsonb_to_recordset($3::jsonb) as t(id uuid, sale_id uuid, store_id uuid, kind tender_kind, amount_fen int,
    reference text)
  where sale_id in (select id from new_sales)
), new_cash as (
  insert into cash_movements (id, store_id, shift_id, kind, amount_fen, sale_id, created_at)
  select id, store_id, shift_id, 'sale'::cash_movement_kind, amount_fen, sale_id, created_at
  from jsonb_to_recordset($4::jsonb) as c(id uuid, store_id uuid, shift_id uuid, amount_fen int, sale_id uuid,
    created_at timestamptz)
  where sale_id in (select id from new_sales)
), moves as (
  select * from jsonb_to_recordset($5::jsonb) as m(id uuid, store_id uuid, product_id uuid, quantity_delta int,
    source_id uuid, created_at timestamptz)
  where source_id in (select id from new_sales)
), new_moves as (
  insert into stock_movements (id, store_id, product_id, kind, quantity_delta, source_type, source_id, created_at)
  select id, store_id, product_id, 'sale'::stock_movement_kind, quantity_delta, 'sale', source_id, created_at
  from moves
), new_levels as (
  insert into stock_levels (store_id, product_id, on_hand, updated_at)
  select store_id, product_id, sum(quantity_delta), max(created_at)
  from moves group by store_id, product_id order by product_id, store_id
  on conflict (store_id, product_id)
  do update set on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at
)
select id from new_sales`;

/** Writes new sales with their lines, tenders, cash and stock; answers the ids actually inserted. */
export async function writeSales(db: Database, sales: readonly SaleRows[]): Promise<Set<string>> {
  const rows = await runStatement(db, 'write_sales', WRITE_SALES, [
    JSON.stringify(sales.map((s) => s.sale)),
    JSON.stringify(sales.flatMap((s) => s.lines)),
    JSON.stringify(sales.flatMap((s) => s.tenders)),
    JSON.stringify(sales.flatMap((s) => s.cash)),
    JSON.stringify(sales.flatMap((s) => s.stock)),
  ]);
  return new Set(rows.map((row) => String(row[0])));
}
