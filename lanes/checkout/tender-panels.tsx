'use client';

import { useMemo } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useT } from '@/app/i18n/locale-provider';
import { discountNeedsApproval, type Tender } from '@/server/domain/sale';
import { CardPanel } from './card-panel';
import { cartReducer, cartTotals, type CartTotals } from './cart';
import { CashPanel } from './cash-panel';
import type { FinishedSale } from './receipt-screen';
import type { Lane } from './use-lane';

/** The sale's ways to pay (cash, and card where the lane has a terminal); the tender that completes it finishes the sale. */
export function TenderPanels({
  lane,
  totals,
  cardBlocked,
  onCardOutcomeUnknown,
  onMessage,
  onFinished,
}: {
  lane: Lane;
  totals: CartTotals;
  /** A card payment of this sale has an unknown outcome: no cash until it is known. */
  cardBlocked: boolean;
  onCardOutcomeUnknown: (unknown: boolean) => void;
  onMessage: (message: string) => void;
  onFinished: (sale: FinishedSale) => void;
}) {
  const t = useT();
  const { cart, dispatch } = lane;
  const cardReferences = useMemo(
    () => cart.tenders.flatMap((tender) => (tender.kind === 'bank_card' && tender.reference ? [tender.reference] : [])),
    [cart.tenders],
  );

  // A quantity changed after an approved discount can push it beyond the limit again.
  const discountUnapproved = discountNeedsApproval(totals) && !cart.discountApprovalId;
  const payCash = async (amountFen: number) => {
    if (discountUnapproved) {
      onMessage(t('error.sale.discount-needs-approval'));
      return;
    }
    await payWith({ tenderId: uuidv7(), kind: 'cash', amountFen, reference: null });
  };
  /** Adds the tender; the one that completes the payment finishes the sale. */
  const payWith = async (tender: Tender) => {
    const action = { type: 'add-tender', tender } as const;
    const paid = cartReducer(cart, action);
    if (!cartTotals(paid).settlement.complete) {
      dispatch(action);
      return;
    }
    const finished = await lane.finishSale(paid);
    if (finished) onFinished(finished);
  };

  return (
    <>
      <CashPanel dueFen={totals.settlement.dueFen} disabled={cart.lines.length === 0 || cardBlocked} onPay={payCash} />
      {lane.session && lane.config.hasTerminal && (
        <CardPanel
          key={cart.saleId}
          laneId={lane.config.laneId}
          shiftId={lane.session.shiftId}
          saleId={cart.saleId}
          dueFen={totals.settlement.dueFen}
          disabled={cart.lines.length === 0 || totals.settlement.dueFen <= 0 || discountUnapproved}
          online={lane.online}
          saleOpen={cart.lines.length > 0}
          claimedPaymentIds={cardReferences}
          onApproved={(tender) => void payWith(tender)}
          onOutcomeUnknown={onCardOutcomeUnknown}
        />
      )}
    </>
  );
}
