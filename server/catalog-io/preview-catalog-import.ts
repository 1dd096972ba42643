import type { StaffContext } from '../core/context';
import { findAppliedImport } from './apply-catalog-import';
import { silentProgress, type ImportProgressReporter } from './import-progress';
import { CatalogFileInput, inspectCatalogFile, type InspectedFile } from './inspect-catalog-file';
import type { LineAction } from './plan-catalog-import';

export const PreviewCatalogImportInput = CatalogFileInput;
export type PreviewCatalogImportInput = CatalogFileInput;

/** Lines of the plan sent to the screen; the counts cover all of them. */
export const PREVIEW_LINES = 500;
/** Problems sent to the screen, first lines first; `issueCount` counts all of them. */
export const PREVIEW_ISSUES = 1_000;

/** The file's problems by line and column (the first thousand, and how many), and what each good line would do; nothing is written. */
export async function previewCatalogImport(
  ctx: StaffContext,
  rawInput: PreviewCatalogImportInput,
  progress: ImportProgressReporter = silentProgress,
) {
  const input = PreviewCatalogImportInput.parse(rawInput);
  try {
    return await previewInspected(ctx, input, await inspectCatalogFile(ctx, input.contentBase64, progress));
  } finally {
    progress.finish();
  }
}

async function previewInspected(ctx: StaffContext, input: PreviewCatalogImportInput, inspected: InspectedFile) {
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
    issueCount: inspected.issues.length,
    issues: inspected.issues.slice(0, PREVIEW_ISSUES),
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
