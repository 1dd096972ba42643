import type { StaffContext } from '../core/context';
import { storeFileName } from '../exports/store-file-name';

/**
 * What a printed label sheet is called: the page's title, which the browser offers as the PDF's name when the sheet
 * is saved rather than printed.
 */
export async function getLabelSheetName(ctx: StaffContext) {
  const fileName = await storeFileName(ctx, 'labels', 'pdf');
  return { title: fileName.replace(/\.pdf$/, ''), fileName };
}
