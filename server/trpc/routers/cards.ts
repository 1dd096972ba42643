import { cardFeeRatesOf, setCardFeeRates, SetCardFeeRatesInput } from '../../payments/card-fee-rates';
import { cardReconciliation, CardReconciliationInput } from '../../payments/card-reconciliation';
import { cardReconciliationWorkbook } from '../../payments/card-reconciliation-workbook';
import { listCardTerminals } from '../../payments/list-card-terminals';
import { unattachedCardPayments } from '../../payments/list-unattached-card-payments';
import {
  settleUnattachedCardPayment,
  SettleUnattachedCardPaymentInput,
} from '../../payments/settle-unattached-card-payment';
import { listUnresolvedCardPayments } from '../../payments/list-unresolved-card-payments';
import { resolveCardPayment, ResolveCardPaymentInput } from '../../payments/resolve-card-payment';
import { settleTerminal, SettleTerminalInput } from '../../payments/settle-terminal';
import { offerCardPaymentToLane, OfferCardPaymentToLaneInput } from '../../payments/offer-card-payment-to-lane';
import { procedureFor, router } from '../init';

export const cardsRouter = router({
  terminals: procedureFor('card.read').query(({ ctx }) => listCardTerminals(ctx)),
  settle: procedureFor('card.settle')
    .input(SettleTerminalInput)
    .mutation(({ ctx, input }) => settleTerminal(ctx, input)),
  unresolved: procedureFor('card.read').query(({ ctx }) => listUnresolvedCardPayments(ctx)),
  unattached: procedureFor('card.read').query(({ ctx }) => unattachedCardPayments(ctx)),
  settleUnattached: procedureFor('card.resolve')
    .input(SettleUnattachedCardPaymentInput)
    .mutation(({ ctx, input }) => settleUnattachedCardPayment(ctx, input)),
  offerToLane: procedureFor('card.resolve')
    .input(OfferCardPaymentToLaneInput)
    .mutation(({ ctx, input }) => offerCardPaymentToLane(ctx, input)),
  resolve: procedureFor('card.resolve')
    .input(ResolveCardPaymentInput)
    .mutation(({ ctx, input }) => resolveCardPayment(ctx, input)),
  reconciliation: procedureFor('card.read')
    .input(CardReconciliationInput)
    .query(({ ctx, input }) => cardReconciliation(ctx, input)),
  reconciliationWorkbook: procedureFor('card.read')
    .input(CardReconciliationInput)
    .mutation(({ ctx, input }) => cardReconciliationWorkbook(ctx, input)),
  feeRates: procedureFor('card.read').query(({ ctx }) => cardFeeRatesOf(ctx)),
  setFeeRates: procedureFor('card.fees')
    .input(SetCardFeeRatesInput)
    .mutation(({ ctx, input }) => setCardFeeRates(ctx, input)),
});
