import { getDatabase } from '@/server/runtime/database';
import { downloadLaneCatalog } from '@/server/trpc/lane-catalog-download';

export const dynamic = 'force-dynamic';

/** The lane's first catalog download in one compressed response (server/trpc/lane-catalog-download.ts). */
export async function GET(request: Request) {
  const { db } = await getDatabase();
  return downloadLaneCatalog({ db, now: () => new Date() }, request);
}
