/**
 * The service worker (Serwist), bundled by scripts/build-sw.mjs into public/sw.js after `next build`.
 *
 * - Precache: the build's static files (/_next/static: scripts, styles, fonts) and the icons, so a
 *   kept page still runs offline. The list is injected at build time (`self.__SW_MANIFEST`).
 * - Network first, with a timeout, then the cache: the person's own pages (/my and its PDFs) and the
 *   programme with the session pages visited (app/_offline/routes.ts says which cache holds what).
 *   Only a 200 that was not redirected is kept. A page answered from the cache gets a meta element
 *   with the time of the copy (the page script shows «Нет сети — показана версия от …»).
 * - A personal page that now redirects (signed out, session expired) deletes the personal caches at once.
 */
import {
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  type PrecacheEntry,
  type RuntimeCaching,
  type SerwistPlugin,
} from "serwist";
import {
  MAX_AGE_SECONDS,
  MAX_PAGES,
  NETWORK_TIMEOUT_SECONDS,
  PAGES_CACHE,
  PERSONAL_CACHE,
  SERVED_FROM_CACHE_META,
  VIEWER_CACHES,
  offlineCacheFor,
} from "~/app/_offline/routes";

/** The parts of the worker's global scope used here (the project's TypeScript lib is the DOM one). */
declare const self: {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
};

/** Keeps only complete answers that are the page asked for. */
const onlyPlainSuccess: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
};

/** A personal page that redirects means nobody is signed in any more: what was kept for them goes. */
const clearWhenSignedOut: SerwistPlugin = {
  fetchDidSucceed: async ({ response }) => {
    if (response.redirected) await Promise.all(VIEWER_CACHES.map((name) => caches.delete(name)));
    return response;
  },
};

/** Marks a page answered from the cache with the time its copy was made (the response's Date). */
const markServedFromCache: SerwistPlugin = {
  // Only pages are kept as HTML (the request here is the cache key, a copy that no longer says "navigate").
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse || !(cachedResponse.headers.get("content-type") ?? "").includes("text/html")) {
      return cachedResponse;
    }
    const at = new Date(cachedResponse.headers.get("date") ?? Date.now()).toISOString();
    const html = (await cachedResponse.text()).replace(
      /<head[^>]*>/i,
      (head) => `${head}<meta name="${SERVED_FROM_CACHE_META}" content="${at}">`,
    );
    const headers = new Headers(cachedResponse.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    return new Response(html, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

const expiration = (maxEntries: number) => new ExpirationPlugin({ maxEntries, maxAgeSeconds: MAX_AGE_SECONDS });

const runtimeCaching: RuntimeCaching[] = [
  {
    matcher: ({ url, request, sameOrigin }) =>
      request.method === "GET" && offlineCacheFor(url, sameOrigin, request.mode === "navigate") === PERSONAL_CACHE,
    handler: new NetworkFirst({
      cacheName: PERSONAL_CACHE,
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [clearWhenSignedOut, onlyPlainSuccess, markServedFromCache, expiration(10)],
    }),
  },
  {
    matcher: ({ url, request, sameOrigin }) =>
      request.method === "GET" && offlineCacheFor(url, sameOrigin, request.mode === "navigate") === PAGES_CACHE,
    handler: new NetworkFirst({
      cacheName: PAGES_CACHE,
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [onlyPlainSuccess, markServedFromCache, expiration(MAX_PAGES)],
    }),
  },
];

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true, concurrency: 4 },
  cacheId: "spo",
  skipWaiting: true,
  clientsClaim: true,
  // Preloaded navigations the worker does not answer are cancelled with a console warning.
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching,
});

serwist.addEventListeners();
