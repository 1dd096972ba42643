import { cookies } from 'next/headers';
import { can } from '@/server/auth/permissions';
import { resolveSession, type SessionStaff } from '@/server/auth/resolve-session';
import { SESSION_COOKIE } from '@/server/auth/session-policy';
import { getDatabase } from '@/server/runtime/database';

export async function currentStaff(): Promise<SessionStaff | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const { db } = await getDatabase();
  return resolveSession({ db, now: () => new Date() }, token);
}

export const mayEnterBackOffice = (member: SessionStaff) => can(member.role, 'back-office.enter');
