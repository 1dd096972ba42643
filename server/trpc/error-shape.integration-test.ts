import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { beforeEach, expect, it } from 'vitest';
import { newId } from '../core/ids';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { appRouter } from './root';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('sends per-field errors and a translatable reason over HTTP', async () => {
    const { fetchRequestHandler } = await import('@trpc/server/adapters/fetch');
    const call = async (path: string, body: unknown, cookie = '') =>
      fetchRequestHandler({
        endpoint: '/api/trpc',
        req: new Request(`http://localhost/api/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ json: body }),
        }),
        router: appRouter,
        createContext: async ({ req, resHeaders }) => {
          const { createTrpcContextFrom } = await import('./context');
          return createTrpcContextFrom({ db: database().db, now: store.clock.now }, req, resHeaders);
        },
      });
    const signedIn = await call('auth.signIn', {
      operatorNo: store.members.store_manager.operatorNo,
      password: FIXTURE_PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(signedIn.headers.get('set-cookie')).toMatch(/HttpOnly/);

    const bad = await call(
      'catalog.create',
      {
        id: newId(),
        code: 'bad code!',
        nameZh: '',
        nameEn: '',
        departmentId: store.departmentId('20'),
        unit: 'kg',
        priceFen: 1,
        costFen: 1,
        vatRateBps: 1300,
        plu: null,
        active: true,
        barcodes: [{ code: '6901939621609' }],
      },
      cookie,
    );
    expect(bad.status).toBe(400);
    const payload = (await bad.json()) as {
      error: { json: { data: { reason: string; fieldErrors: Record<string, string[]> } } };
    };
    expect(payload.error.json.data.reason).toBe('invalid-input');
    expect(Object.keys(payload.error.json.data.fieldErrors).sort()).toEqual([
      'barcodes.0.code',
      'code',
      'nameZh',
      'plu',
    ]);

    const wrong = await call('auth.signIn', { operatorNo: store.members.store_manager.operatorNo, password: 'nope' });
    expect(wrong.status).toBe(getHTTPStatusCodeFromError(new TRPCError({ code: 'UNAUTHORIZED' })));
    const wrongPayload = (await wrong.json()) as { error: { json: { data: { reason: string } } } };
    expect(wrongPayload.error.json.data.reason).toBe('auth.bad-credentials');
  });
});
