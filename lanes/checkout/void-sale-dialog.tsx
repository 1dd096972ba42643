'use client';

import { useT } from '@/app/i18n/locale-provider';
import { useTRPCClient } from '@/app/trpc/client';
import { ApprovalDialog } from './approval-dialog';
import type { Cart, CartAction } from './cart';

/** Voids the open sale on a supervisor's approval; the server keeps its lines as voided, and a new sale starts. */
export function VoidSaleDialog({
  cart,
  shiftId,
  dispatch,
  onClose,
}: {
  cart: Cart;
  shiftId: string | undefined;
  dispatch: (action: CartAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  const client = useTRPCClient();
  return (
    <ApprovalDialog
      title={t('lane.voidSale')}
      action="void-sale"
      saleId={cart.saleId}
      onCancel={onClose}
      onApproved={async (approvalId) => {
        if (!approvalId) return;
        await client.lane.voidOpenSale.mutate({ saleId: cart.saleId, approvalId, lines: cart.lines, shiftId });
        dispatch({ type: 'new-sale', at: new Date().toISOString() });
        onClose();
      }}
    />
  );
}
