import { and, eq, inArray } from 'drizzle-orm';
import { barcodes, departments, products, stockLevels } from '../../db/schema';
import type { StaffContext } from '../core/context';
import type { BarcodeKind } from '../domain/barcode';
import type { CellIssue, ImportLine } from './check-catalog-lines';

export type LineAction = 'create' | 'update' | 'update-price' | 'unchanged';

export interface ProductValues {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentId: string;
  unit: 'each' | 'kg';
  priceFen: number;
  costFen: number;
  vatRateBps: number;
  plu: string | null;
  active: boolean;
}

export interface PlannedLine {
  line: number;
  action: LineAction;
  productId: string | null;
  values: ProductValues;
  /** The product as it is, when it exists: price before, and whether the names changed (search columns then too). */
  before: (ProductValues & { pinyinInitials: string; searchText: string }) | null;
  changedFields: (keyof ProductValues)[];
  barcodesToAdd: { code: string; kind: BarcodeKind }[];
}

const CHUNK = 5_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const FIELDS: (keyof ProductValues)[] = [
  'nameZh',
  'nameEn',
  'departmentId',
  'unit',
  'priceFen',
  'costFen',
  'vatRateBps',
  'plu',
  'active',
];

/** Lines planned at a time: each batch is a few queries, and progress is told between batches. */
const LINES_PER_BATCH = 2_000;

/**
 * Compares the readable lines with the store's catalog: what each will do, and what the catalog refuses (department,
 * owned barcode or PLU). Tells `onPlanned` how many lines are planned after each batch.
 */
export async function planCatalogImport(
  ctx: StaffContext,
  lines: readonly ImportLine[],
  onPlanned: (planned: number) => Promise<void> = async () => {},
): Promise<{ planned: PlannedLine[]; issues: CellIssue[] }> {
  const departmentRows = await ctx.db
    .select({ id: departments.id, code: departments.code })
    .from(departments)
    .where(eq(departments.storeId, ctx.storeId));
  const departmentByCode = new Map(departmentRows.map((d) => [d.code, d.id]));
  const planned: PlannedLine[] = [];
  const issues: CellIssue[] = [];
  let done = 0;
  for (const batch of chunks(lines, LINES_PER_BATCH)) {
    const result = await planBatch(ctx, batch, departmentByCode);
    planned.push(...result.planned);
    issues.push(...result.issues);
    done += batch.length;
    await onPlanned(done);
  }
  return { planned, issues };
}

async function planBatch(
  ctx: StaffContext,
  lines: readonly ImportLine[],
  departmentByCode: ReadonlyMap<string, string>,
): Promise<{ planned: PlannedLine[]; issues: CellIssue[] }> {
  const existing = new Map<string, NonNullable<PlannedLine['before']> & { id: string }>();
  for (const codes of chunks(lines.map((l) => l.code))) {
    const rows = await ctx.db
      .select({
        id: products.id,
        code: products.code,
        nameZh: products.nameZh,
        nameEn: products.nameEn,
        departmentId: products.departmentId,
        unit: products.unit,
        priceFen: products.priceFen,
        costFen: products.costFen,
        vatRateBps: products.vatRateBps,
        plu: products.plu,
        active: products.active,
        pinyinInitials: products.pinyinInitials,
        searchText: products.searchText,
      })
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), inArray(products.code, codes)));
    for (const row of rows) existing.set(row.code, row);
  }

  const barcodeOwner = new Map<string, string>();
  for (const codes of chunks(lines.flatMap((l) => l.barcodes.map((b) => b.code)))) {
    const rows = await ctx.db
      .select({ barcode: barcodes.code, productCode: products.code })
      .from(barcodes)
      .innerJoin(products, eq(products.id, barcodes.productId))
      .where(and(eq(barcodes.storeId, ctx.storeId), inArray(barcodes.code, codes)));
    for (const row of rows) barcodeOwner.set(row.barcode, row.productCode);
  }

  const pluOwner = new Map<string, string>();
  for (const plus of chunks(lines.flatMap((l) => (l.plu ? [l.plu] : [])))) {
    const rows = await ctx.db
      .select({ plu: products.plu, code: products.code })
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), inArray(products.plu, plus)));
    for (const row of rows) if (row.plu) pluOwner.set(row.plu, row.code);
  }

  // Stock is counted in units or grams by the product's unit: a product that has stock cannot change unit by import.
  const stocked = new Set<string>();
  const reunited = lines.flatMap((l) => {
    const before = existing.get(l.code);
    return before && before.unit !== l.unit ? [before.id] : [];
  });
  for (const ids of chunks(reunited)) {
    const rows = await ctx.db
      .select({ productId: stockLevels.productId })
      .from(stockLevels)
      .where(and(eq(stockLevels.storeId, ctx.storeId), inArray(stockLevels.productId, ids)));
    for (const row of rows) stocked.add(row.productId);
  }

  const planned: PlannedLine[] = [];
  const issues: CellIssue[] = [];
  for (const line of lines) {
    const before = existing.get(line.code) ?? null;
    const lineIssues: CellIssue[] = [];
    const departmentId = departmentByCode.get(line.departmentCode);
    if (!departmentId) {
      lineIssues.push({
        line: line.line,
        column: 'departmentCode',
        code: 'unknown-department',
        params: { value: line.departmentCode },
      });
    }
    const barcodesToAdd = line.barcodes.filter((b) => barcodeOwner.get(b.code) !== line.code);
    for (const b of barcodesToAdd) {
      const owner = barcodeOwner.get(b.code);
      if (owner)
        lineIssues.push({
          line: line.line,
          column: 'barcodes',
          code: 'barcode-taken',
          params: { barcode: b.code, owner },
        });
    }
    const plu = line.plu ?? before?.plu ?? null;
    const pluHolder = line.plu ? pluOwner.get(line.plu) : undefined;
    if (pluHolder && pluHolder !== line.code) {
      lineIssues.push({
        line: line.line,
        column: 'plu',
        code: 'plu-taken',
        params: { value: line.plu ?? '', owner: pluHolder },
      });
    } else if (line.unit === 'kg' && !plu) {
      lineIssues.push({ line: line.line, column: 'plu', code: 'plu-required' });
    }
    if (before && before.unit !== line.unit && stocked.has(before.id)) {
      lineIssues.push({
        line: line.line,
        column: 'unit',
        code: 'unit-change-with-stock',
        params: { value: before.unit },
      });
    }
    if (lineIssues.length > 0 || !departmentId) {
      issues.push(...lineIssues);
      continue;
    }
    const values: ProductValues = {
      code: line.code,
      nameZh: line.nameZh,
      nameEn: line.nameEn ?? before?.nameEn ?? '',
      departmentId,
      unit: line.unit,
      priceFen: line.priceFen,
      costFen: line.costFen ?? before?.costFen ?? 0,
      vatRateBps: line.vatRateBps ?? before?.vatRateBps ?? 1300,
      plu,
      active: line.active ?? before?.active ?? true,
    };
    const changedFields = before ? FIELDS.filter((field) => values[field] !== before[field]) : [];
    const action: LineAction = !before
      ? 'create'
      : changedFields.includes('priceFen')
        ? 'update-price'
        : changedFields.length > 0 || barcodesToAdd.length > 0
          ? 'update'
          : 'unchanged';
    planned.push({
      line: line.line,
      action,
      productId: before?.id ?? null,
      values,
      before,
      changedFields,
      barcodesToAdd,
    });
  }
  return { planned, issues };
}
