import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { cardPayments } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { CARD_OUTCOME_NOT_KNOWN } from '../domain/card-outcome';
import { cardTransactionRunning, queryCardPaymentOnce } from './run-card-transaction';
import { failedUnconfirmed, verifyFailedCardPayment } from './verify-failed-card-payment';

const DUE_PER_STEP = 100;

/**
 * One step of the background resolver: every payment of unknown outcome whose next query is due is asked for once
 * (`20`, nothing else is ever sent), and so is every manager's `failed` the bank has not confirmed yet.
 * One query at a time per lane terminal, the lanes side by side.
 */
export async function resolveDueCardPayments(ctx: ServiceContext) {
  const due = await ctx.db
    .select({ id: cardPayments.id, laneId: cardPayments.laneId, state: cardPayments.state })
    .from(cardPayments)
    .where(
      and(
        or(inArray(cardPayments.state, [...CARD_OUTCOME_NOT_KNOWN]), failedUnconfirmed()),
        lte(cardPayments.nextQueryAt, ctx.now()),
      ),
    )
    .orderBy(asc(cardPayments.nextQueryAt))
    .limit(DUE_PER_STEP);
  const byLane = new Map<string, typeof due>();
  for (const payment of due) {
    if (!cardTransactionRunning(payment.id))
      byLane.set(payment.laneId, [...(byLane.get(payment.laneId) ?? []), payment]);
  }
  const outcomes: { paymentId: string; state: string }[] = [];
  await Promise.all(
    [...byLane.values()].map(async (payments) => {
      for (const { id, state: before } of payments) {
        const ask = before === 'failed' ? verifyFailedCardPayment : queryCardPaymentOnce;
        const state = await ask(ctx, id).then(
          (payment) => payment.state,
          (error: unknown) => {
            console.error(`card payment ${id}: query failed`, error);
            return before === 'failed' ? before : 'unknown';
          },
        );
        outcomes.push({ paymentId: id, state });
      }
    }),
  );
  return outcomes;
}

/** Payments a process that stopped left in flight, made due now; ones started since `startedAt` are running. */
export async function markOrphanedCardPaymentsDue(ctx: ServiceContext, startedAt: Date) {
  await ctx.db
    .update(cardPayments)
    .set({ nextQueryAt: ctx.now() })
    .where(
      and(eq(cardPayments.state, 'in_flight'), isNull(cardPayments.nextQueryAt), lt(cardPayments.createdAt, startedAt)),
    );
}

/** Whether the resolver will still ask the terminal about this payment (false: known, or left to a manager). */
export function cardPaymentStillResolving(payment: { state: string; nextQueryAt: Date | null }): boolean {
  return payment.state === 'in_flight' || (payment.state === 'unknown' && payment.nextQueryAt !== null);
}

export interface CardPaymentResolver {
  stop(): Promise<void>;
}

/** The resolver's loop: one step after another, `everyMs` apart; a failed step is logged and the loop goes on. */
export function startCardPaymentResolver(ctx: ServiceContext, everyMs = 1_000): CardPaymentResolver {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let step: Promise<void> = Promise.resolve();
  const next = () => {
    step = resolveDueCardPayments(ctx)
      .then((outcomes) => {
        const known = outcomes.filter((o) => o.state !== 'unknown' && o.state !== 'failed');
        if (known.length > 0) {
          console.log(`Card payments resolved: ${known.map((o) => `${o.paymentId} → ${o.state}`).join(', ')}`);
        }
      })
      .catch((error: unknown) => console.error('Card payment resolver step failed', error))
      .finally(() => {
        if (!stopped) timer = setTimeout(next, everyMs);
      });
  };
  next();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await step;
    },
  };
}
