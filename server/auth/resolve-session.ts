import { and, eq, gt } from 'drizzle-orm';
import { sessions, staff } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import type { StaffRole } from './permissions';
import { sessionIdFromToken } from './session-token';

export interface SessionStaff {
  id: string;
  operatorNo: string;
  name: string;
  role: StaffRole;
  storeId: string | null;
}

/** The active staff member behind a session cookie, or null when missing, expired or deactivated. */
export async function resolveSession(ctx: ServiceContext, token: string | undefined): Promise<SessionStaff | null> {
  if (!token) return null;
  const [row] = await ctx.db
    .select({
      id: staff.id,
      operatorNo: staff.operatorNo,
      name: staff.name,
      role: staff.role,
      storeId: staff.storeId,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(eq(sessions.id, sessionIdFromToken(token)), gt(sessions.expiresAt, ctx.now()), eq(staff.active, true)));
  return row ?? null;
}
