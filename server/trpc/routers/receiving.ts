import { cancelPurchaseOrder, CancelPurchaseOrderInput } from '../../receiving/cancel-purchase-order';
import { clearReorderRule, ClearReorderRuleInput } from '../../receiving/clear-reorder-rule';
import { closePurchaseOrder, ClosePurchaseOrderInput } from '../../receiving/close-purchase-order';
import { createPurchaseOrder, CreatePurchaseOrderInput } from '../../receiving/create-purchase-order';
import { createSupplier, CreateSupplierInput } from '../../receiving/create-supplier';
import { findReceivingProduct, FindReceivingProductInput } from '../../receiving/find-receiving-product';
import { getGoodsReceipt, GetGoodsReceiptInput } from '../../receiving/get-goods-receipt';
import { getPurchaseOrder, GetPurchaseOrderInput } from '../../receiving/get-purchase-order';
import { listGoodsReceipts, ListGoodsReceiptsInput } from '../../receiving/list-goods-receipts';
import { listPurchaseOrders, ListPurchaseOrdersInput } from '../../receiving/list-purchase-orders';
import { listReorderRules, ListReorderRulesInput } from '../../receiving/list-reorder-rules';
import { listSuppliers } from '../../receiving/list-suppliers';
import { receiveGoods, ReceiveGoodsInput } from '../../receiving/receive-goods';
import { setReorderRule, SetReorderRuleInput } from '../../receiving/set-reorder-rule';
import { updateSupplier, UpdateSupplierInput } from '../../receiving/update-supplier';
import { procedureFor, router } from '../init';

export const receivingRouter = router({
  suppliers: procedureFor('inventory.read').query(({ ctx }) => listSuppliers(ctx)),
  createSupplier: procedureFor('inventory.order')
    .input(CreateSupplierInput)
    .mutation(({ ctx, input }) => createSupplier(ctx, input)),
  updateSupplier: procedureFor('inventory.order')
    .input(UpdateSupplierInput)
    .mutation(({ ctx, input }) => updateSupplier(ctx, input)),
  product: procedureFor('inventory.read')
    .input(FindReceivingProductInput)
    .query(({ ctx, input }) => findReceivingProduct(ctx, input)),
  purchaseOrders: procedureFor('inventory.read')
    .input(ListPurchaseOrdersInput)
    .query(({ ctx, input }) => listPurchaseOrders(ctx, input)),
  purchaseOrder: procedureFor('inventory.read')
    .input(GetPurchaseOrderInput)
    .query(({ ctx, input }) => getPurchaseOrder(ctx, input)),
  createPurchaseOrder: procedureFor('inventory.order')
    .input(CreatePurchaseOrderInput)
    .mutation(({ ctx, input }) => createPurchaseOrder(ctx, input)),
  cancelPurchaseOrder: procedureFor('inventory.order')
    .input(CancelPurchaseOrderInput)
    .mutation(({ ctx, input }) => cancelPurchaseOrder(ctx, input)),
  closePurchaseOrder: procedureFor('inventory.order')
    .input(ClosePurchaseOrderInput)
    .mutation(({ ctx, input }) => closePurchaseOrder(ctx, input)),
  receipts: procedureFor('inventory.read')
    .input(ListGoodsReceiptsInput)
    .query(({ ctx, input }) => listGoodsReceipts(ctx, input)),
  receipt: procedureFor('inventory.read')
    .input(GetGoodsReceiptInput)
    .query(({ ctx, input }) => getGoodsReceipt(ctx, input)),
  receiveGoods: procedureFor('inventory.receive')
    .input(ReceiveGoodsInput)
    .mutation(({ ctx, input }) => receiveGoods(ctx, input)),
  reorderRules: procedureFor('inventory.read')
    .input(ListReorderRulesInput)
    .query(({ ctx, input }) => listReorderRules(ctx, input)),
  setReorderRule: procedureFor('inventory.order')
    .input(SetReorderRuleInput)
    .mutation(({ ctx, input }) => setReorderRule(ctx, input)),
  clearReorderRule: procedureFor('inventory.order')
    .input(ClearReorderRuleInput)
    .mutation(({ ctx, input }) => clearReorderRule(ctx, input)),
});
