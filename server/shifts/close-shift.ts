import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { shifts } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { refuseShiftCloseWhileCardOutcomeUnknown } from '../payments/refuse-while-card-outcome-unknown';
import { drawerLedger } from './drawer-ledger';
import { findOwnOpenShift } from './find-open-shift';
import { shiftReport } from './shift-report';

export const CloseShiftInput = z.object({
  shiftId: z.uuid(),
  countedCashFen: z.number().int().min(0).max(100_000_000),
});
export type CloseShiftInput = z.input<typeof CloseShiftInput>;

/** Sign-out (签退) with a blind count: expected cash comes from the ledger only after the count is given. */
export async function closeShift(ctx: StaffContext, rawInput: CloseShiftInput) {
  const input = CloseShiftInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.db.select().from(shifts).where(eq(shifts.id, input.shiftId)).for('update');
    if (current?.status === 'closed' && current.staffId === ctx.actor.staffId) return shiftReport(tx, input);
    const shift = await findOwnOpenShift(tx, input.shiftId);
    await refuseShiftCloseWhileCardOutcomeUnknown(tx, shift);
    const ledger = await drawerLedger(tx, input.shiftId);
    await tx.db
      .update(shifts)
      .set({
        status: 'closed',
        closedAt: tx.now(),
        countedCashFen: input.countedCashFen,
        expectedCashFen: ledger.expectedFen,
      })
      .where(eq(shifts.id, input.shiftId));
    return shiftReport(tx, input);
  });
}
