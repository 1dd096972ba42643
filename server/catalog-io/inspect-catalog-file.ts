import { z } from 'zod';
import type { StaffContext } from '../core/context';
import { CATALOG_COLUMNS } from './catalog-columns';
import { silentProgress, type ImportProgressReporter } from './import-progress';
import { checkCatalogLines, type CellIssue } from './check-catalog-lines';
import { planCatalogImport, type PlannedLine } from './plan-catalog-import';
import { readCatalogFile, type CatalogFile, type FileIssue } from './read-catalog-file';

/** About 10 MB of file as base64 (4 characters per 3 bytes). */
export const MAX_FILE_BASE64_CHARS = 14_000_000;

/** An uploaded file and the id the browser made for this import, so applying it twice applies it once. */
export const CatalogFileInput = z.object({
  importId: z.uuid(),
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(1)
    .max(MAX_FILE_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'Not base64'),
});
export type CatalogFileInput = z.input<typeof CatalogFileInput>;

export interface InspectedFile {
  format: CatalogFile['format'];
  encoding: CatalogFile['encoding'];
  lineCount: number;
  fileIssues: FileIssue[];
  issues: CellIssue[];
  planned: PlannedLine[];
}

const columnOrder = new Map(CATALOG_COLUMNS.map((c, i) => [c.key, i]));

/** Reads, checks and plans every line of a file against the store's catalog, telling how many lines are checked; writes nothing. */
export async function inspectCatalogFile(
  ctx: StaffContext,
  contentBase64: string,
  progress: ImportProgressReporter = silentProgress,
): Promise<InspectedFile> {
  const file = await readCatalogFile(Buffer.from(contentBase64, 'base64'));
  const total = file.lines.length;
  const checked = checkCatalogLines(file.lines);
  const unreadable = total - checked.valid.length;
  await progress.checking(total, unreadable);
  const { planned, issues } = await planCatalogImport(ctx, checked.valid, (done) =>
    progress.checking(total, unreadable + done),
  );
  const allIssues = [...checked.issues, ...issues].sort(
    (a, b) => a.line - b.line || (columnOrder.get(a.column) ?? 0) - (columnOrder.get(b.column) ?? 0),
  );
  return {
    format: file.format,
    encoding: file.encoding,
    lineCount: file.lines.length,
    fileIssues: file.issues,
    issues: allIssues,
    planned,
  };
}
