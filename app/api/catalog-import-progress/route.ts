import { readImportProgress } from '@/server/catalog-io/import-progress';
import { SESSION_COOKIE } from '@/server/auth/session-policy';
import { readCookie } from '@/server/trpc/context';

export const dynamic = 'force-dynamic';

/**
 * How far the caller's running catalog import is, polled by the import page. Outside tRPC on purpose: it reads no
 * database (tRPC resolves the session there, which waits for the import's own transaction on PGlite).
 */
export function GET(request: Request) {
  const importId = new URL(request.url).searchParams.get('importId') ?? '';
  const watcherKey = readCookie(request.headers.get('cookie'), SESSION_COOKIE) ?? '';
  return Response.json(
    { progress: readImportProgress({ importId, watcherKey }) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
