import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, staff } from '../../db/schema';
import { inTransaction, type ServiceContext } from '../core/context';
import { DomainError } from '../core/errors';
import { verifyPassword } from './password';
import { can } from './permissions';
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, sessionTtlHours } from './session-policy';
import { newSessionToken, sessionIdFromToken } from './session-token';

export const SignInInput = z.object({
  operatorNo: z.string().trim().min(1, 'Enter your operator number').max(16),
  password: z.string().min(1, 'Enter your password').max(200),
  area: z.enum(['back-office', 'lane']).default('back-office'),
});
export type SignInInput = z.input<typeof SignInInput>;

const badCredentials = () =>
  new DomainError('UNAUTHENTICATED', 'auth.bad-credentials', 'Operator number or password is wrong');

/** The active account behind an operator number and password, counting failures towards the lockout. */
export async function checkCredentials(ctx: ServiceContext, operatorNo: string, password: string) {
  const [account] = await ctx.db.select().from(staff).where(eq(staff.operatorNo, operatorNo));
  const now = ctx.now();
  if (!account || !account.active) throw badCredentials();
  if (account.lockedUntil && account.lockedUntil > now) {
    throw new DomainError(
      'LOCKED',
      'auth.locked',
      `Too many failed sign-ins: locked until ${account.lockedUntil.toISOString()}`,
    );
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    await recordFailedSignIn(ctx, account.id, now);
    throw badCredentials();
  }
  return account;
}

/** A right password ends the count towards a lockout. */
export async function clearFailedSignIns(ctx: ServiceContext, staffId: string): Promise<void> {
  await ctx.db.update(staff).set({ failedSignIns: 0, lockedUntil: null }).where(eq(staff.id, staffId));
}

export async function signIn(ctx: ServiceContext, rawInput: SignInInput) {
  const input = SignInInput.parse(rawInput);
  const account = await checkCredentials(ctx, input.operatorNo, input.password);
  const now = ctx.now();
  const needed = input.area === 'back-office' ? 'back-office.enter' : 'lane.sell';
  if (!can(account.role, needed)) {
    throw new DomainError('FORBIDDEN', `auth.${input.area}-forbidden`, `Your role cannot sign in to the ${input.area}`);
  }
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionTtlHours() * 3_600_000);
  await inTransaction(ctx, async (tx) => {
    await clearFailedSignIns(tx, account.id);
    await tx.db.delete(sessions).where(and(eq(sessions.staffId, account.id), lte(sessions.expiresAt, now)));
    await tx.db
      .insert(sessions)
      .values({ id: sessionIdFromToken(token), staffId: account.id, createdAt: now, expiresAt });
  });
  return {
    token,
    expiresAt,
    staff: { id: account.id, name: account.name, role: account.role, storeId: account.storeId },
  };
}

/**
 * Counted in SQL so parallel guesses cannot overwrite each other's count. A guess that lands while a lock
 * runs leaves it alone; the count starts afresh only once a lock has expired.
 */
async function recordFailedSignIn(ctx: ServiceContext, staffId: string, now: Date): Promise<void> {
  const lockRuns = sql`${staff.lockedUntil} is not null and ${staff.lockedUntil} > ${now.toISOString()}::timestamptz`;
  const [counted] = await ctx.db
    .update(staff)
    .set({
      failedSignIns: sql`case when ${lockRuns} then 0 when ${staff.lockedUntil} is not null then 1 else ${staff.failedSignIns} + 1 end`,
      lockedUntil: sql`case when ${lockRuns} then ${staff.lockedUntil} else null end`,
    })
    .where(eq(staff.id, staffId))
    .returning({ failedSignIns: staff.failedSignIns });
  if ((counted?.failedSignIns ?? 0) < MAX_FAILED_SIGN_INS) return;
  await ctx.db
    .update(staff)
    .set({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) })
    .where(and(eq(staff.id, staffId), gte(staff.failedSignIns, MAX_FAILED_SIGN_INS)));
}
