import type { Database } from '../../db/client';
import type { StaffRole } from '../auth/permissions';

export interface Actor {
  readonly staffId: string;
  readonly role: StaffRole;
  readonly storeId: string | null;
}

/** What every service gets: the database (or the transaction it runs in) and a clock. */
export interface ServiceContext {
  readonly db: Database;
  readonly now: () => Date;
  readonly inTransaction?: boolean;
}

/** A signed-in member of staff acting on one store. */
export interface StaffContext extends ServiceContext {
  readonly actor: Actor;
  readonly storeId: string;
}

/** Runs `work` in a transaction, or in the caller's one when there is already one, so services compose. */
export async function inTransaction<C extends ServiceContext, T>(ctx: C, work: (txCtx: C) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx, inTransaction: true }));
}
