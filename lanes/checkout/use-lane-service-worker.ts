'use client';

import { useEffect } from 'react';

export const LANE_WORKER_URL = '/lane-sw.js';
export const LANE_WORKER_SCOPE = '/lanes/';

/** The build assets this page has loaded, which the worker did not see (it started after them). */
function loadedBuildAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name);
      return url.origin === location.origin && url.pathname.startsWith('/_next/static/');
    });
}

/**
 * Installs the lane's service worker (public/lane-sw.js), so the lane opens from cache when reloaded without a
 * network, and hands it this page and its assets. Production builds only: dev assets change under the same URLs,
 * so in dev a worker left by an earlier production run is removed.
 */
export function useLaneServiceWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    if (process.env.NODE_ENV !== 'production') {
      void navigator.serviceWorker.getRegistrations().then((registrations) => {
        for (const registration of registrations)
          if (new URL(registration.scope).pathname === LANE_WORKER_SCOPE) void registration.unregister();
      });
      return;
    }
    void (async () => {
      await navigator.serviceWorker.register(LANE_WORKER_URL, { scope: LANE_WORKER_SCOPE });
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: 'cache-lane', page: location.pathname, assets: loadedBuildAssets() });
    })().catch((error: unknown) => console.warn('lane service worker not installed', error));
  }, []);
}
