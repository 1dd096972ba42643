import { resolveSession } from '../auth/resolve-session';
import { LANE_DEVICE_COOKIE, LANE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/session-policy';
import type { ServiceContext } from '../core/context';
import { getDatabase } from '../runtime/database';

export const STORE_COOKIE = 'lk_store';

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Behind a TLS-terminating proxy the request itself is http; the proxy's header (or SECURE_COOKIES=1) tells. */
function isHttps(req: Request): boolean {
  if (process.env.SECURE_COOKIES === '1') return true;
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (forwarded ?? new URL(req.url).protocol.replace(':', '')) === 'https';
}

export async function createTrpcContext({ req, resHeaders }: { req: Request; resHeaders: Headers }) {
  const { db } = await getDatabase();
  return createTrpcContextFrom({ db, now: () => new Date() }, req, resHeaders);
}

export async function createTrpcContextFrom(service: ServiceContext, req: Request, resHeaders: Headers) {
  const cookieHeader = req.headers.get('cookie');
  const sessionToken = readCookie(cookieHeader, SESSION_COOKIE);
  const member = await resolveSession(service, sessionToken);
  const laneSessionToken = readCookie(cookieHeader, LANE_SESSION_COOKIE);
  const laneMember = laneSessionToken ? await resolveSession(service, laneSessionToken) : null;
  return {
    ...service,
    sessionToken,
    member,
    laneSessionToken,
    laneMember,
    laneDeviceToken: readCookie(cookieHeader, LANE_DEVICE_COOKIE),
    chosenStoreId: readCookie(cookieHeader, STORE_COOKIE),
    resHeaders,
    secureCookies: isHttps(req),
  };
}
export type TrpcContext = Awaited<ReturnType<typeof createTrpcContext>>;
