/* global self, caches, fetch, URL, setTimeout, clearTimeout */
// The lane's service worker (scope /lanes/): a lane reloaded without a network opens from cache.
// Lane pages: network first, the cached copy when the network fails or is slow. Build assets (/_next/static,
// hashed, never changed in place): cache first. Nothing else is touched: the lane keeps its data in IndexedDB.

const PAGES = 'lane-pages-v1';
const ASSETS = 'lane-assets-v1';
const NETWORK_WAIT_MS = 4000;

const isLanePage = (url) => /^\/lanes\/\d+\/?$/.test(url.pathname);
const isBuildAsset = (url) => url.pathname.startsWith('/_next/static/');
const sameOrigin = (url) => url.origin === self.location.origin;

/** The build assets a page's HTML names (its scripts, styles, fonts and the chunks in its inline RSC payload). */
function assetsNamedIn(html) {
  return [...new Set(html.match(/\/_next\/static\/[^"'\s<>()\\]+/g) ?? [])].sort();
}

async function cacheMissingAssets(urls) {
  const cache = await caches.open(ASSETS);
  await Promise.all(
    urls.map(async (url) => {
      if (await cache.match(url)) return;
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    }),
  );
}

/**
 * Keeps a lane page and the assets it names. A page naming other assets than the copy before it comes from a new
 * build: the old build's assets go, so the cache does not grow with every deploy.
 */
const storedAt = new Map();

async function storePage(path, response) {
  storedAt.set(path, Date.now());
  const pages = await caches.open(PAGES);
  const html = await response.clone().text();
  const assets = assetsNamedIn(html);
  const before = await pages.match(path, { ignoreVary: true });
  await pages.put(path, response);
  if (before) {
    const assetsBefore = assetsNamedIn(await before.text());
    if (assetsBefore.join('\n') !== assets.join('\n')) {
      const keep = new Set(assets.map((asset) => new URL(asset, self.location.origin).href));
      const cache = await caches.open(ASSETS);
      for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
    }
  }
  await cacheMissingAssets(assets);
}

const storable = (response) =>
  response.ok && response.type === 'basic' && (response.headers.get('content-type') ?? '').includes('text/html');

function lanePageNetworkFirst(event, url) {
  const network = fetch(event.request);
  // Registered before the answer is handed over, so the copy is taken before the browser reads the body.
  event.waitUntil(
    network
      .then((response) => (storable(response) ? storePage(url.pathname, response.clone()) : undefined))
      .catch(() => {}),
  );
  const cached = () => caches.open(PAGES).then((pages) => pages.match(url.pathname, { ignoreVary: true }));
  return new Promise((resolve, reject) => {
    let settled = false;
    const useCacheOr = async (fallback) => {
      const copy = await cached();
      if (settled) return;
      if (copy) {
        settled = true;
        resolve(copy);
      } else fallback();
    };
    // A network that hangs (not refused) would keep the cashier waiting: after a while the cached copy answers.
    const timer = setTimeout(() => void useCacheOr(() => {}), NETWORK_WAIT_MS);
    network.then(
      (response) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(response);
        }
      },
      (error) => {
        clearTimeout(timer);
        void useCacheOr(() => {
          settled = true;
          reject(error);
        });
      },
    );
  });
}

async function assetCacheFirst(event) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('lane-') && name !== PAGES && name !== ASSETS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (request.mode === 'navigate' && isLanePage(url)) event.respondWith(lanePageNetworkFirst(event, url));
  else if (isBuildAsset(url)) event.respondWith(assetCacheFirst(event));
});

// The page that registered the worker loaded before the worker ran: it sends its path and the assets it loaded.
self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (data.type !== 'cache-lane') return;
  event.waitUntil(
    (async () => {
      const page = new URL(String(data.page), self.location.origin);
      // Fetched again unless this worker just stored it: the page may have changed on screen (the device was bound).
      if (isLanePage(page) && Date.now() - (storedAt.get(page.pathname) ?? 0) > 60_000) {
        const response = await fetch(page.pathname, { credentials: 'same-origin' });
        if (storable(response)) await storePage(page.pathname, response);
      }
      const assets = (Array.isArray(data.assets) ? data.assets : [])
        .map((asset) => new URL(String(asset), self.location.origin))
        .filter((asset) => sameOrigin(asset) && isBuildAsset(asset))
        .map((asset) => asset.href);
      await cacheMissingAssets(assets);
    })()
      .catch(() => {})
      .finally(() => event.ports?.[0]?.postMessage({ type: 'lane-cached' })),
  );
});
