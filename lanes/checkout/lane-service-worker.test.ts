import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** public/lane-sw.js run against an in-memory Cache API and a scripted network. */
const WORKER_SOURCE = fs.readFileSync(path.resolve(import.meta.dirname, '../../public/lane-sw.js'), 'utf8');
const ORIGIN = 'http://lane.test';

interface FakeRequest {
  url: string;
  method: string;
  mode: string;
}
type Key = string | FakeRequest;
const href = (key: Key) => new URL(typeof key === 'string' ? key : key.url, ORIGIN).href;

function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const entries = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, entries);
    return {
      match: async (key: Key) => entries.get(href(key))?.clone(),
      put: async (key: Key, response: Response) => void entries.set(href(key), response.clone()),
      delete: async (key: Key) => entries.delete(href(key)),
      keys: async () => [...entries.keys()].map((url) => ({ url })),
    };
  };
  return {
    stores,
    api: {
      open,
      keys: async () => [...stores.keys()],
      delete: async (name: string) => stores.delete(name),
      match: async (key: Key) => {
        for (const entries of stores.values()) if (entries.has(href(key))) return entries.get(href(key))?.clone();
        return undefined;
      },
    },
    urls: (name: string) => [...(stores.get(name)?.keys() ?? [])].map((url) => new URL(url).pathname).sort(),
  };
}

const html = (body: string) =>
  new Response(`<!doctype html><html>${body}</html>`, { headers: { 'content-type': 'text/html; charset=utf-8' } });
const asset = (text: string) => new Response(text, { headers: { 'content-type': 'application/javascript' } });
const pageNaming = (...assets: string[]) =>
  html(assets.map((a) => `<script src="${a}" async=""></script>`).join('') + '<p>lane</p>');

/** A browser's same-origin answer is of type `basic` (a constructed one is `default`). */
const sameOriginAnswer = (response: Response) => Object.defineProperty(response, 'type', { value: 'basic' });

function startWorker() {
  const caches = fakeCaches();
  const network = { down: false, hang: false, pages: new Map<string, () => Response>(), calls: [] as string[] };
  const fetch = vi.fn(async (key: Key) => sameOriginAnswer(await answer(key)));
  const answer = async (key: Key) => {
    const url = href(key);
    network.calls.push(new URL(url).pathname);
    if (network.hang) return new Promise<Response>(() => {});
    if (network.down) throw new TypeError('Failed to fetch');
    const pathname = new URL(url).pathname;
    const page = network.pages.get(pathname);
    if (page) return page();
    if (pathname.startsWith('/_next/static/')) return asset(`/* ${pathname} */`);
    return new Response('not found', { status: 404 });
  };
  const listeners = new Map<string, (event: unknown) => void>();
  const self = {
    location: new URL(`${ORIGIN}/lane-sw.js`),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: vi.fn(),
    clients: { claim: vi.fn(async () => {}) },
  };
  new Function('self', 'caches', 'fetch', WORKER_SOURCE)(self, caches.api, fetch);

  /** Dispatches a fetch; `answer` is what the worker responds with, or null when it leaves the request alone. */
  const request = (url: string, { mode = 'no-cors', method = 'GET' } = {}) => {
    const waits: Promise<unknown>[] = [];
    let answer: Promise<Response> | null = null;
    listeners.get('fetch')?.({
      request: { url: new URL(url, ORIGIN).href, method, mode },
      respondWith: (response: Promise<Response>) => (answer = response),
      waitUntil: (promise: Promise<unknown>) => waits.push(promise),
    });
    return { answer: answer as Promise<Response> | null, done: () => Promise.all(waits) };
  };
  const navigate = async (url: string) => {
    const sent = request(url, { mode: 'navigate' });
    const response = await sent.answer;
    await sent.done();
    return response;
  };
  const load = async (url: string) => {
    const sent = request(url);
    const response = await sent.answer;
    await sent.done();
    return response;
  };
  const message = async (data: unknown) => {
    const waits: Promise<unknown>[] = [];
    const replies: unknown[] = [];
    listeners.get('message')?.({
      data,
      ports: [{ postMessage: (reply: unknown) => replies.push(reply) }],
      waitUntil: (promise: Promise<unknown>) => waits.push(promise),
    });
    await Promise.all(waits);
    return replies;
  };
  return { caches, network, fetch, request, navigate, load, message, listeners, self };
}

const A1 = '/_next/static/chunks/app-aaa111.js';
const A2 = '/_next/static/chunks/lane-bbb222.js';
const CSS = '/_next/static/css/ccc333.css';

describe('the lane service worker', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => vi.useRealTimers());

  it('serves a lane page from the network and keeps it with the assets it names; offline, the kept copy', async () => {
    const worker = startWorker();
    worker.network.pages.set('/lanes/3', () => pageNaming(A1, A2, CSS));
    const online = await worker.navigate('/lanes/3');
    expect(await online?.text()).toContain('lane');
    expect(worker.caches.urls('lane-pages-v1')).toEqual(['/lanes/3']);
    expect(worker.caches.urls('lane-assets-v1')).toEqual([A1, CSS, A2].sort());

    worker.network.down = true;
    const offline = await worker.navigate('/lanes/3');
    expect(offline?.headers.get('content-type')).toContain('text/html');
    expect(await offline?.text()).toContain(A2);
    const script = await worker.request(A2).answer;
    expect(await script?.text()).toBe(`/* ${A2} */`);
  });

  it('finds the chunks named inside the inline RSC payload too', async () => {
    const worker = startWorker();
    const payload = `<script>self.__next_f.push([1,"2:I[1234,[\\"${A2}\\"],\\"LaneApp\\"]"])</script>`;
    worker.network.pages.set('/lanes/1', () => html(`<script src="${A1}"></script>${payload}`));
    await worker.navigate('/lanes/1');
    expect(worker.caches.urls('lane-assets-v1')).toEqual([A1, A2].sort());
  });

  it('without a network and without a kept copy, the navigation fails as it would without the worker', async () => {
    const worker = startWorker();
    worker.network.down = true;
    await expect(worker.navigate('/lanes/2')).rejects.toThrow('Failed to fetch');
  });

  it('answers from the kept copy when the network hangs, after a few seconds', async () => {
    const worker = startWorker();
    worker.network.pages.set('/lanes/3', () => pageNaming(A1));
    await worker.navigate('/lanes/3');
    vi.useFakeTimers();
    worker.network.hang = true;
    const sent = worker.request('/lanes/3', { mode: 'navigate' });
    let answered = false;
    void sent.answer?.then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(3_900);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(answered).toBe(true);
    expect(await (await sent.answer)?.text()).toContain(A1);
  });

  it('serves build assets from the cache first: a kept asset costs no request', async () => {
    const worker = startWorker();
    expect(await (await worker.load(A1))?.text()).toBe(`/* ${A1} */`);
    expect(worker.network.calls).toEqual([A1]);
    const calls = worker.network.calls.length;
    expect(await (await worker.request(A1).answer)?.text()).toBe(`/* ${A1} */`);
    expect(worker.network.calls.length).toBe(calls);
  });

  it('leaves API calls, writes, other pages and other origins to the network, uncached', () => {
    const worker = startWorker();
    for (const url of [
      '/api/trpc/lane.finalizeSale',
      '/api/health',
      '/products',
      '/lanes/3?_rsc=1x',
      'http://cdn.test/x.js',
    ])
      expect(worker.request(url, { mode: url.includes('_rsc') ? 'cors' : 'navigate' }).answer, url).toBeNull();
    expect(worker.request('/lanes/3', { mode: 'navigate', method: 'POST' }).answer).toBeNull();
    expect(worker.request('/api/trpc/lane.catalog', { mode: 'cors' }).answer).toBeNull();
    expect(worker.caches.stores.size).toBe(0);
  });

  it('does not keep an error page or a redirect in place of the lane', async () => {
    const worker = startWorker();
    worker.network.pages.set('/lanes/3', () => pageNaming(A1));
    await worker.navigate('/lanes/3');
    worker.network.pages.set(
      '/lanes/3',
      () => new Response('boom', { status: 500, headers: { 'content-type': 'text/html' } }),
    );
    expect((await worker.navigate('/lanes/3'))?.status).toBe(500);
    worker.network.down = true;
    expect(await (await worker.navigate('/lanes/3'))?.text()).toContain(A1);
  });

  it('a new build replaces the old build assets: the cache keeps what the newest page names', async () => {
    const worker = startWorker();
    worker.network.pages.set('/lanes/3', () => pageNaming(A1, CSS));
    await worker.navigate('/lanes/3');
    await worker.load(A2); // a chunk loaded later by the old build
    expect(worker.caches.urls('lane-assets-v1')).toEqual([A1, CSS, A2].sort());
    const B1 = '/_next/static/chunks/app-ddd444.js';
    worker.network.pages.set('/lanes/3', () => pageNaming(B1, CSS));
    await worker.navigate('/lanes/3');
    expect(worker.caches.urls('lane-assets-v1')).toEqual([B1, CSS].sort());
    worker.network.down = true;
    expect(await (await worker.navigate('/lanes/3'))?.text()).toContain(B1);
  });

  it('keeps the page that registered it and the assets it had loaded before the worker ran', async () => {
    const worker = startWorker();
    worker.network.pages.set('/lanes/3', () => pageNaming(A1));
    const replies = await worker.message({
      type: 'cache-lane',
      page: `${ORIGIN}/lanes/3`,
      assets: [`${ORIGIN}${A2}`, `${ORIGIN}/api/trpc/lane.catalog`, 'http://cdn.test/_next/static/x.js'],
    });
    expect(replies).toEqual([{ type: 'lane-cached' }]);
    expect(worker.caches.urls('lane-pages-v1')).toEqual(['/lanes/3']);
    expect(worker.caches.urls('lane-assets-v1')).toEqual([A1, A2].sort());
  });

  it('on activation drops caches of older worker versions and takes over open lanes', async () => {
    const worker = startWorker();
    await (await worker.caches.api.open('lane-assets-v0')).put('/x', asset('old'));
    await (await worker.caches.api.open('other-app')).put('/y', asset('theirs'));
    const waits: Promise<unknown>[] = [];
    worker.listeners.get('activate')?.({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
    expect([...worker.caches.stores.keys()]).toEqual(['other-app']);
    expect(worker.self.clients.claim).toHaveBeenCalled();
  });
});
