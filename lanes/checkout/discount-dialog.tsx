'use client';

import { useT } from '@/app/i18n/locale-provider';
import { parseYuan } from '@/server/domain/money';
import { discountNeedsApproval, priceSale, type Discount } from '@/server/domain/sale';
import { ApprovalDialog } from './approval-dialog';
import type { Cart, CartAction } from './cart';
import type { DiscountInput } from './use-sale-dialog';

/** A percentage wins over an amount when both are typed; neither (or nothing valid) removes the discount. */
function discountFrom(input: DiscountInput): Discount | null {
  const percent = Number(input.percent);
  if (input.percent && Number.isFinite(percent) && percent > 0) {
    return { kind: 'percent', bps: Math.min(10_000, Math.round(percent * 100)) };
  }
  const amount = parseYuan(input.amount);
  return amount ? { kind: 'amount', fen: amount } : null;
}

/**
 * A discount on one line (`lineId`) or on the whole sale. Within the cashier's limit it applies at once; beyond it
 * a supervisor approves.
 */
export function DiscountDialog({
  cart,
  lineId,
  input,
  onInputChange,
  dispatch,
  onClose,
}: {
  cart: Cart;
  lineId?: string;
  input: DiscountInput;
  onInputChange: (input: DiscountInput) => void;
  dispatch: (action: CartAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  /** The sale as it would be with this discount on one line (or on the whole sale). */
  const withDiscount = (discount: Discount | null) =>
    lineId
      ? priceSale(
          cart.lines.map((l) => (l.lineId === lineId ? { ...l, discount } : l)),
          cart.saleDiscount,
        )
      : priceSale(cart.lines, discount);
  return (
    <ApprovalDialog
      title={
        lineId
          ? t('lane.lineDiscountFor', { n: cart.lines.findIndex((l) => l.lineId === lineId) + 1 })
          : t('lane.discount')
      }
      action="discount"
      saleId={cart.saleId}
      needsApproval={() => discountNeedsApproval(withDiscount(discountFrom(input)))}
      onCancel={onClose}
      onApproved={(approvalId) => {
        const discount = discountFrom(input);
        if (lineId) dispatch({ type: 'set-line-discount', lineId, discount, approvalId });
        else dispatch({ type: 'set-sale-discount', discount, approvalId });
        onClose();
      }}
    >
      <label className="block text-sm">
        {t('lane.discountPercent')}
        <input
          className="field-input font-mono"
          inputMode="decimal"
          value={input.percent}
          onChange={(e) => onInputChange({ ...input, percent: e.target.value })}
        />
      </label>
      <label className="block text-sm">
        {t('lane.discountAmount')}
        <input
          className="field-input font-mono"
          inputMode="decimal"
          value={input.amount}
          onChange={(e) => onInputChange({ ...input, amount: e.target.value })}
        />
      </label>
    </ApprovalDialog>
  );
}
