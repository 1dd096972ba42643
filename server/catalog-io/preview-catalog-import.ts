import type { StaffContext } from '../core/context';
import { findAppliedImport } from './apply-catalog-import';
import { CatalogFileInput, inspectCatalogFile } from './inspect-catalog-file';
import type { LineAction } from './plan-catalog-import';

export const PreviewCatalogImportInput = CatalogFileInput;
export type PreviewCatalogImportInput = CatalogFileInput;

/** Lines of the plan sent to the screen; the counts cover all of them. */
export const PREVIEW_LINES = 500;

/** Every problem of the file by line and column, and what each good line would do; nothing is written. */
export async function previewCatalogImport(ctx: StaffContext, rawInput: PreviewCatalogImportInput) {
  const input = PreviewCatalogImportInput.parse(rawInput);
  const inspected = await inspectCatalogFile(ctx, input.contentBase64);
  const counts: Record<LineAction, number> = { create: 0, update: 0, 'update-price': 0, unchanged: 0 };
  for (const line of inspected.planned) counts[line.action]++;
  const invalidLines = new Set(inspected.issues.map((issue) => issue.line));
  return {
    importId: input.importId,
    format: inspected.format,
    encoding: inspected.encoding,
    lineCount: inspected.lineCount,
    validCount: inspected.planned.length,
    invalidCount: invalidLines.size,
    counts,
    fileIssues: inspected.fileIssues,
    issues: inspected.issues,
    lines: inspected.planned.slice(0, PREVIEW_LINES).map((line) => ({
      line: line.line,
      action: line.action,
      code: line.values.code,
      nameZh: line.values.nameZh,
      priceFen: line.values.priceFen,
      priceBeforeFen: line.before?.priceFen ?? null,
      changedFields: line.changedFields,
      barcodesAdded: line.barcodesToAdd.map((b) => b.code),
    })),
    alreadyApplied: await findAppliedImport(ctx, input.importId),
  };
}
