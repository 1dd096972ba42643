import { addBarcode, AddBarcodeInput } from '../../catalog/add-barcode';
import { createProduct, CreateProductInput } from '../../catalog/create-product';
import { getProduct, GetProductInput } from '../../catalog/get-product';
import { listDepartments } from '../../catalog/list-departments';
import { listProducts, ListProductsInput } from '../../catalog/list-products';
import { removeBarcode, RemoveBarcodeInput } from '../../catalog/remove-barcode';
import { resolveScan, ResolveScanInput } from '../../catalog/resolve-scan';
import { updateProduct, UpdateProductInput } from '../../catalog/update-product';
import { procedureFor, router } from '../init';

export const catalogRouter = router({
  departments: procedureFor('catalog.read').query(({ ctx }) => listDepartments(ctx)),
  list: procedureFor('catalog.read')
    .input(ListProductsInput)
    .query(({ ctx, input }) => listProducts(ctx, input)),
  get: procedureFor('catalog.read')
    .input(GetProductInput)
    .query(({ ctx, input }) => getProduct(ctx, input)),
  resolveScan: procedureFor('catalog.read')
    .input(ResolveScanInput)
    .query(({ ctx, input }) => resolveScan(ctx, input)),
  create: procedureFor('catalog.write')
    .input(CreateProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx, input)),
  update: procedureFor('catalog.write')
    .input(UpdateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx, input)),
  addBarcode: procedureFor('barcodes.manage')
    .input(AddBarcodeInput)
    .mutation(({ ctx, input }) => addBarcode(ctx, input)),
  removeBarcode: procedureFor('barcodes.manage')
    .input(RemoveBarcodeInput)
    .mutation(({ ctx, input }) => removeBarcode(ctx, input)),
});
