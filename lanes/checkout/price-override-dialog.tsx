'use client';

import { useT } from '@/app/i18n/locale-provider';
import { parseYuan } from '@/server/domain/money';
import { ApprovalDialog } from './approval-dialog';
import type { CartAction } from './cart';

/** A line sold at a price the cashier types, on a supervisor's approval. */
export function PriceOverrideDialog({
  saleId,
  lineId,
  newPrice,
  onNewPriceChange,
  dispatch,
  onClose,
}: {
  saleId: string;
  lineId: string;
  newPrice: string;
  onNewPriceChange: (text: string) => void;
  dispatch: (action: CartAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <ApprovalDialog
      title={t('lane.overridePrice')}
      action="price-override"
      saleId={saleId}
      onCancel={onClose}
      onApproved={(approvalId) => {
        const unitPriceFen = parseYuan(newPrice);
        if (approvalId && unitPriceFen !== null) dispatch({ type: 'override-price', lineId, unitPriceFen, approvalId });
        onClose();
      }}
    >
      <label className="block text-sm">
        {t('lane.newPrice')}
        <input
          className="field-input font-mono"
          inputMode="decimal"
          value={newPrice}
          onChange={(e) => onNewPriceChange(e.target.value)}
        />
      </label>
    </ApprovalDialog>
  );
}
