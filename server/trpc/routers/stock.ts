import { createStockAdjustment, CreateStockAdjustmentInput } from '../../stock/create-stock-adjustment';
import { getProductStock, GetProductStockInput } from '../../stock/get-product-stock';
import { getStockAdjustment, GetStockAdjustmentInput } from '../../stock/get-stock-adjustment';
import { getStockTransfer, GetStockTransferInput } from '../../stock/get-stock-transfer';
import { listStock, ListStockInput } from '../../stock/list-stock';
import { listStockAdjustments, ListStockAdjustmentsInput } from '../../stock/list-stock-adjustments';
import { listStockHistory, ListStockHistoryInput } from '../../stock/list-stock-history';
import { listStockTransfers, ListStockTransfersInput } from '../../stock/list-stock-transfers';
import { listTransferDestinations } from '../../stock/list-transfer-destinations';
import { receiveStockTransfer, ReceiveStockTransferInput } from '../../stock/receive-stock-transfer';
import { sendStockTransfer, SendStockTransferInput } from '../../stock/send-stock-transfer';
import { procedureFor, router } from '../init';

export const stockRouter = router({
  list: procedureFor('inventory.read')
    .input(ListStockInput)
    .query(({ ctx, input }) => listStock(ctx, input)),
  product: procedureFor('inventory.read')
    .input(GetProductStockInput)
    .query(({ ctx, input }) => getProductStock(ctx, input)),
  history: procedureFor('inventory.read')
    .input(ListStockHistoryInput)
    .query(({ ctx, input }) => listStockHistory(ctx, input)),
  adjustments: procedureFor('inventory.read')
    .input(ListStockAdjustmentsInput)
    .query(({ ctx, input }) => listStockAdjustments(ctx, input)),
  adjustment: procedureFor('inventory.read')
    .input(GetStockAdjustmentInput)
    .query(({ ctx, input }) => getStockAdjustment(ctx, input)),
  adjust: procedureFor('inventory.adjust')
    .input(CreateStockAdjustmentInput)
    .mutation(({ ctx, input }) => createStockAdjustment(ctx, input)),
  transfers: procedureFor('inventory.read')
    .input(ListStockTransfersInput)
    .query(({ ctx, input }) => listStockTransfers(ctx, input)),
  transfer: procedureFor('inventory.read')
    .input(GetStockTransferInput)
    .query(({ ctx, input }) => getStockTransfer(ctx, input)),
  transferDestinations: procedureFor('inventory.transfer').query(({ ctx }) => listTransferDestinations(ctx)),
  sendTransfer: procedureFor('inventory.transfer')
    .input(SendStockTransferInput)
    .mutation(({ ctx, input }) => sendStockTransfer(ctx, input)),
  receiveTransfer: procedureFor('inventory.transfer-receive')
    .input(ReceiveStockTransferInput)
    .mutation(({ ctx, input }) => receiveStockTransfer(ctx, input)),
});
