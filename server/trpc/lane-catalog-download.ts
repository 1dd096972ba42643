import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { ServiceContext } from '../core/context';
import { DomainError } from '../core/errors';
import { laneCatalogSnapshotJson } from '../lanes/lane-catalog-snapshot';
import { createTrpcContextFrom } from './context';
import { TRPC_CODES } from './init';
import { laneCallContext } from './lane-access';

const gzipAsync = promisify(gzip);
/** Level 4 compresses the catalog's JSON nearly as well as the default 6 in about half the time. */
const GZIP_LEVEL = 4;

/**
 * `GET /api/lane-catalog`: the lane's first catalog download in one gzip response (`LaneCatalogSnapshot` as JSON),
 * for the same callers as `lane.catalog` (the same check); later downloads page through what changed.
 */
export async function downloadLaneCatalog(service: ServiceContext, req: Request): Promise<Response> {
  // no-transform: Next's own compression (and any proxy) leaves the gzip body as it is rather than gzip it again.
  const noStore = { 'cache-control': 'no-store, no-transform' };
  let ctx;
  try {
    ctx = await laneCallContext(await createTrpcContextFrom(service, req, new Headers()), 'lane.sell');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: TRPC_CODES[error.code] }));
    return Response.json({ reason: error.reason, message: error.message }, { status, headers: noStore });
  }
  const json = Buffer.from(await laneCatalogSnapshotJson(ctx));
  const headers = { ...noStore, 'content-type': 'application/json', vary: 'accept-encoding' };
  if (!/\bgzip\b/.test(req.headers.get('accept-encoding') ?? ''))
    return new Response(new Uint8Array(json), { headers });
  const body = await gzipAsync(json, { level: GZIP_LEVEL });
  return new Response(new Uint8Array(body), {
    headers: { ...headers, 'content-encoding': 'gzip', 'content-length': String(body.length) },
  });
}
