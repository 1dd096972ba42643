import { applyCatalogImport, ApplyCatalogImportInput } from '../../catalog-io/apply-catalog-import';
import { exportCatalog, ExportCatalogInput } from '../../catalog-io/export-catalog';
import { getLabelSheetName } from '../../catalog-io/get-label-sheet-name';
import { listLabels, ListLabelsInput } from '../../catalog-io/list-labels';
import { trackImportProgress } from '../../catalog-io/import-progress';
import { previewCatalogImport, PreviewCatalogImportInput } from '../../catalog-io/preview-catalog-import';
import { procedureFor, router } from '../init';

export const catalogIoRouter = router({
  previewImport: procedureFor('catalog.import')
    .input(PreviewCatalogImportInput)
    .mutation(({ ctx, input }) =>
      previewCatalogImport(ctx, input, trackImportProgress(input.importId, ctx.sessionToken)),
    ),
  applyImport: procedureFor('catalog.import')
    .input(ApplyCatalogImportInput)
    .mutation(({ ctx, input }) =>
      applyCatalogImport(ctx, input, trackImportProgress(input.importId, ctx.sessionToken)),
    ),
  exportCatalog: procedureFor('catalog.read')
    .input(ExportCatalogInput)
    .mutation(({ ctx, input }) => exportCatalog(ctx, input)),
  labels: procedureFor('catalog.read')
    .input(ListLabelsInput)
    .query(({ ctx, input }) => listLabels(ctx, input)),
  labelSheetName: procedureFor('catalog.read').query(({ ctx }) => getLabelSheetName(ctx)),
});
