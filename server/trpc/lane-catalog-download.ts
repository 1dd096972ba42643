import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { ServiceContext } from '../core/context';
import { DomainError } from '../core/errors';
import { laneCatalogSnapshotJson } from '../lanes/lane-catalog-snapshot';
import { createTrpcContextFrom } from './context';
import { TRPC_CODES } from './init';
import { laneCallContext } from './lane-access';

/**
 * `GET /api/lane-catalog`: the lane's first catalog download in one response (`LaneCatalogSnapshot` as JSON), for
 * the same callers as `lane.catalog` (the same check); later downloads page through what changed. Next's own
 * compression gzips it: Next drops a route handler's Content-Encoding, so a body gzipped here would arrive gzipped twice.
 */
export async function downloadLaneCatalog(service: ServiceContext, req: Request): Promise<Response> {
  const headers = { 'cache-control': 'no-store', 'content-type': 'application/json' };
  let ctx;
  try {
    ctx = await laneCallContext(await createTrpcContextFrom(service, req, new Headers()), 'lane.sell');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODES[error.code] }));
    return Response.json({ reason: error.reason, message: error.message }, { status, headers });
  }
  return new Response(await laneCatalogSnapshotJson(ctx), { headers });
}
