import { SESSION_COOKIE } from '../auth/session-policy';

export function sessionCookie(token: string, expiresAt: Date, secure: boolean, name = SESSION_COOKIE): string {
  return [
    `${name}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedSessionCookie = (name = SESSION_COOKIE): string =>
  `${name}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
