'use client';

import { useT } from '@/app/i18n/locale-provider';
import { ApprovalDialog } from './approval-dialog';
import type { CartAction } from './cart';
import type { NegativeStockRequest } from './use-on-hand';

/** Stock as the ledger counts it: units, or grams shown as kg. */
const stockQuantity = (quantity: number, unit: 'each' | 'kg') =>
  unit === 'kg' ? `${(quantity / 1000).toFixed(3)} kg` : String(quantity);

/**
 * A scan or quantity that would sell more than is known on hand, where the store blocks that: it goes ahead on a
 * supervisor's approval, which travels with the sale; cancelled, the cashier is told the item was not added.
 */
export function NegativeStockDialog({
  saleId,
  request,
  dispatch,
  onMessage,
  onClose,
}: {
  saleId: string;
  request: NegativeStockRequest;
  dispatch: (action: CartAction) => void;
  onMessage: (message: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <ApprovalDialog
      title={t('negativeStock.title')}
      action="negative-stock"
      saleId={saleId}
      onCancel={() => {
        onMessage(t('negativeStock.notAdded', { name: request.nameZh }));
        onClose();
      }}
      onApproved={(approvalId) => {
        if (approvalId) {
          const approval = { approvalId, productId: request.productId, quantity: request.heldAfter };
          dispatch({ type: 'approve-negative-stock', approval });
          dispatch(request.action);
        }
        onClose();
      }}
    >
      <p className="text-sm">
        {t('negativeStock.detail', {
          name: request.nameZh,
          onHand: stockQuantity(request.onHand, request.unit),
          held: stockQuantity(request.heldAfter, request.unit),
        })}
      </p>
    </ApprovalDialog>
  );
}
