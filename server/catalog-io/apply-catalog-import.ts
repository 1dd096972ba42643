import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { can } from '../auth/permissions';
import { translateCatalogConflict } from '../catalog/create-product';
import { searchColumns } from '../catalog/product-search-columns';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { silentProgress, type ImportProgressReporter } from './import-progress';
import { CatalogFileInput, inspectCatalogFile } from './inspect-catalog-file';
import type { PlannedLine } from './plan-catalog-import';

export const ApplyCatalogImportInput = CatalogFileInput.extend({
  /** `all`: nothing is applied unless every line is valid. `valid-only`: the user chose to skip the bad lines. */
  mode: z.enum(['all', 'valid-only']),
});
export type ApplyCatalogImportInput = z.input<typeof ApplyCatalogImportInput>;

export interface CatalogImportResult {
  importId: string;
  created: number;
  updated: number;
  priceChanged: number;
  unchanged: number;
  barcodesAdded: number;
  skippedLines: number;
}

const AUDIT_ENTITY = 'catalog-import';
// Small enough that progress moves every few seconds on PGlite, large enough to stay one statement per thousands.
const ROWS_PER_STATEMENT = 2_000;

/** The result of an import already applied under this id, read from its audit row. */
export async function findAppliedImport(ctx: StaffContext, importId: string): Promise<CatalogImportResult | null> {
  const [row] = await ctx.db
    .select({ changes: auditLog.changes })
    .from(auditLog)
    .where(
      and(eq(auditLog.storeId, ctx.storeId), eq(auditLog.entityType, AUDIT_ENTITY), eq(auditLog.entityId, importId)),
    );
  return row ? (row.changes.result?.to as CatalogImportResult) : null;
}

function* slices<T>(items: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Applies a checked file in one transaction, in statements of many rows (100,000 lines in seconds, not one service
 * call per line). Idempotent on the import id: its audit row is the record that it was applied.
 */
export async function applyCatalogImport(
  ctx: StaffContext,
  rawInput: ApplyCatalogImportInput,
  progress: ImportProgressReporter = silentProgress,
) {
  const input = ApplyCatalogImportInput.parse(rawInput);
  try {
    return await applyInTransaction(ctx, input, progress);
  } finally {
    progress.finish();
  }
}

function applyInTransaction(
  ctx: StaffContext,
  input: z.output<typeof ApplyCatalogImportInput>,
  progress: ImportProgressReporter,
) {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog-import:${input.importId}`}))`);
    const done = await findAppliedImport(tx, input.importId);
    if (done) return { ...done, alreadyApplied: true };

    const inspected = await inspectCatalogFile(tx, input.contentBase64, progress);
    if (inspected.fileIssues.length > 0) {
      throw new DomainError('INVALID', 'catalog-import.unreadable', 'The file cannot be read as a catalog: preview it');
    }
    const badLines = new Set(inspected.issues.map((issue) => issue.line)).size;
    if (input.mode === 'all' && badLines > 0) {
      throw new DomainError(
        'INVALID',
        'catalog-import.has-errors',
        `${badLines} lines have errors: nothing was applied`,
      );
    }
    if (inspected.planned.length === 0) {
      throw new DomainError('INVALID', 'catalog-import.nothing-valid', 'No line of the file can be applied');
    }

    const now = tx.now().toISOString();
    const creates = inspected.planned.filter((l) => l.action === 'create').map((l) => ({ ...l, productId: newId() }));
    const updates = inspected.planned.filter((l) => l.action === 'update' || l.action === 'update-price');
    const priceChanges = updates.filter((l) => l.action === 'update-price');
    if (priceChanges.length > 0 && !can(tx.actor.role, 'prices.change')) {
      throw new DomainError('FORBIDDEN', 'prices.forbidden', 'Your role cannot change prices');
    }
    const toWrite = creates.length + updates.length;
    let written = 0;
    await progress.writing(toWrite, written);
    try {
      for (const slice of slices(creates)) {
        await insertProducts(tx, slice, now);
        await progress.writing(toWrite, (written += slice.length));
      }
      for (const slice of slices(updates)) {
        await updateProducts(tx, slice, now);
        await progress.writing(toWrite, (written += slice.length));
      }
      const newBarcodes = [...creates, ...updates].flatMap((l) =>
        l.barcodesToAdd.map((b) => ({ id: newId(), product_id: l.productId, code: b.code, kind: b.kind })),
      );
      for (const slice of slices(newBarcodes)) {
        await tx.db.execute(sql`
          insert into barcodes (id, store_id, product_id, code, kind, created_at)
          select r.id, ${tx.storeId}, r.product_id, r.code, r.kind, ${now}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb) as r(id uuid, product_id uuid, code text, kind barcode_kind)`);
      }
    } catch (error) {
      throw translateCatalogConflict(error);
    }
    for (const slice of slices(priceChanges)) {
      const rows = slice.map((l) => ({
        id: newId(),
        entity_id: l.productId,
        summary: `${l.values.code} ${l.values.nameZh} (${input.fileName})`,
        changes: { priceFen: { from: l.before?.priceFen ?? null, to: l.values.priceFen } },
      }));
      await tx.db.execute(sql`
        insert into audit_log (id, store_id, actor_staff_id, action, entity_type, entity_id, summary, changes, created_at)
        select r.id, ${tx.storeId}, ${tx.actor.staffId}, 'product.price-changed', 'product', r.entity_id, r.summary,
          r.changes, ${now}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, entity_id uuid, summary text, changes jsonb)`);
    }
    const result: CatalogImportResult = {
      importId: input.importId,
      created: creates.length,
      updated: updates.length - priceChanges.length,
      priceChanged: priceChanges.length,
      unchanged: inspected.planned.length - creates.length - updates.length,
      barcodesAdded: [...creates, ...updates].reduce((n, l) => n + l.barcodesToAdd.length, 0),
      skippedLines: badLines,
    };
    await writeAudit(tx, {
      action: 'catalog.imported',
      entityType: AUDIT_ENTITY,
      entityId: input.importId,
      summary: `${input.fileName}: ${result.created} new, ${result.updated} updated, ${result.priceChanged} price changes, ${result.unchanged} unchanged`,
      changes: { result: { from: null, to: result } },
    });
    return { ...result, alreadyApplied: false };
  });
}

function productRecord(productId: string, { values, before }: PlannedLine) {
  const renamed = !before || before.nameZh !== values.nameZh || before.nameEn !== values.nameEn;
  const search = renamed
    ? searchColumns(values)
    : { pinyinInitials: before.pinyinInitials, searchText: before.searchText };
  return {
    id: productId,
    code: values.code,
    name_zh: values.nameZh,
    name_en: values.nameEn,
    pinyin_initials: search.pinyinInitials,
    search_text: search.searchText,
    department_id: values.departmentId,
    unit: values.unit,
    price_fen: values.priceFen,
    cost_fen: values.costFen,
    vat_rate_bps: values.vatRateBps,
    plu: values.plu,
    active: values.active,
  };
}

// Rows travel as one JSON parameter: thousands of rows per statement, the same on postgres.js and PGlite.
const PRODUCT_RECORD =
  sql.raw(`r(id uuid, code text, name_zh text, name_en text, pinyin_initials text, search_text text,
  department_id uuid, unit sale_unit, price_fen integer, cost_fen integer, vat_rate_bps integer, plu text, active boolean)`);

async function insertProducts(tx: StaffContext, lines: (PlannedLine & { productId: string })[], now: string) {
  const rows = lines.map((line) => productRecord(line.productId, line));
  await tx.db.execute(sql`
    insert into products (id, store_id, code, name_zh, name_en, pinyin_initials, search_text, department_id, unit,
      price_fen, cost_fen, vat_rate_bps, plu, active, created_at, updated_at)
    select r.id, ${tx.storeId}, r.code, r.name_zh, r.name_en, r.pinyin_initials, r.search_text, r.department_id, r.unit,
      r.price_fen, r.cost_fen, r.vat_rate_bps, r.plu, r.active, ${now}::timestamptz, ${now}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${PRODUCT_RECORD}`);
}

async function updateProducts(tx: StaffContext, lines: PlannedLine[], now: string) {
  const rows = lines.map((line) => productRecord(line.productId as string, line));
  await tx.db.execute(sql`
    update products as p set name_zh = r.name_zh, name_en = r.name_en, pinyin_initials = r.pinyin_initials,
      search_text = r.search_text, department_id = r.department_id, unit = r.unit, price_fen = r.price_fen,
      cost_fen = r.cost_fen, vat_rate_bps = r.vat_rate_bps, plu = r.plu, active = r.active,
      updated_at = ${now}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${PRODUCT_RECORD}
    where p.id = r.id and p.store_id = ${tx.storeId}`);
}
