import { getSale, GetSaleInput } from '../../sales-review/get-sale';
import { listPriceDifferences, ListPriceDifferencesInput } from '../../sales-review/list-price-differences';
import { listUploadRejections, ListUploadRejectionsInput } from '../../sales-review/list-upload-rejections';
import { resolveUploadRejection, ResolveUploadRejectionInput } from '../../sales-review/resolve-upload-rejection';
import { procedureFor, router } from '../init';

export const salesReviewRouter = router({
  priceDifferences: procedureFor('sales.review')
    .input(ListPriceDifferencesInput)
    .query(({ ctx, input }) => listPriceDifferences(ctx, input)),
  uploadRejections: procedureFor('sales.review')
    .input(ListUploadRejectionsInput)
    .query(({ ctx, input }) => listUploadRejections(ctx, input)),
  // Stock history links its sale lines here, so whoever reads stock may read the sale.
  sale: procedureFor('inventory.read')
    .input(GetSaleInput)
    .query(({ ctx, input }) => getSale(ctx, input)),
  resolveUploadRejection: procedureFor('sales.review')
    .input(ResolveUploadRejectionInput)
    .mutation(({ ctx, input }) => resolveUploadRejection(ctx, input)),
});
