import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardFeeRates } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DEFAULT_CARD_FEE_RATES, type CardFeeRate, type CardKind } from '../domain/card-settlement';

const CARD_KINDS = ['debit', 'credit', 'foreign'] as const satisfies readonly CardKind[];

/** The store's merchant discount rates, the usual terms where the store has set none. */
export async function cardFeeRatesOf(ctx: StaffContext): Promise<CardFeeRate[]> {
  const rows = await ctx.db.select().from(cardFeeRates).where(eq(cardFeeRates.storeId, ctx.storeId));
  return CARD_KINDS.map((cardKind) => {
    const set = rows.find((r) => r.cardKind === cardKind);
    const fallback = DEFAULT_CARD_FEE_RATES.find((r) => r.cardKind === cardKind);
    return set
      ? { cardKind, rateBps: set.rateBps, capFen: set.capFen }
      : (fallback ?? { cardKind, rateBps: 0, capFen: null });
  });
}

export const SetCardFeeRatesInput = z.object({
  rates: z
    .array(
      z.object({
        cardKind: z.enum(CARD_KINDS),
        rateBps: z.number().int().min(0).max(1_000),
        capFen: z.number().int().min(1).max(10_000_000).nullable(),
      }),
    )
    .min(1)
    .max(3),
});
export type SetCardFeeRatesInput = z.input<typeof SetCardFeeRatesInput>;

/** A store manager sets what the acquirer charges per card kind; audited like any price. */
export async function setCardFeeRates(ctx: StaffContext, rawInput: SetCardFeeRatesInput) {
  const input = SetCardFeeRatesInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const before = await cardFeeRatesOf(tx);
    for (const rate of input.rates) {
      await tx.db
        .insert(cardFeeRates)
        .values({ storeId: ctx.storeId, ...rate })
        .onConflictDoUpdate({
          target: [cardFeeRates.storeId, cardFeeRates.cardKind],
          set: { rateBps: rate.rateBps, capFen: rate.capFen },
        });
    }
    const after = await cardFeeRatesOf(tx);
    await writeAudit(tx, {
      action: 'card.fee-rates-changed',
      entityType: 'store',
      entityId: ctx.storeId,
      summary: after
        .map((r) => `${r.cardKind} ${r.rateBps / 100}%${r.capFen ? ` ≤ ${r.capFen / 100}` : ''}`)
        .join(', '),
      changes: { rates: { from: before, to: after } },
    });
    return after;
  });
}
