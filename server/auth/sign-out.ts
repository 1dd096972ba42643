import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { sessionIdFromToken } from './session-token';

export async function signOut(ctx: ServiceContext, token: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionIdFromToken(token)));
}
