/**
 * What the service worker keeps for use without a network, shared by the worker (app/_offline/sw.ts),
 * the page script (app/_offline/page-script.ts) and their tests. No imports: both bundles are small.
 */

/** A person's own pages (the ticket and the schedule, the PDFs): cleared on sign-out and on a change of user. */
export const PERSONAL_CACHE = "spo-personal-v1";
/** Programme and session pages: shared pages, but a signed-in person's copy shows their stars and bookings. */
export const PAGES_CACHE = "spo-pages-v1";
/** Every cache that can hold something of the person signed in: what sign-out deletes. */
export const VIEWER_CACHES = [PERSONAL_CACHE, PAGES_CACHE] as const;

/** How long a page is waited for before the copy in the cache is shown (a weak signal at the venue). */
export const NETWORK_TIMEOUT_SECONDS = 4;
/** How long a kept copy stays usable: the forum's five days and the days around them. */
export const MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
/** Programme pages kept at most (days × filters, session pages): the oldest go first. */
export const MAX_PAGES = 80;

/** The meta element the worker adds to a page it answers from the cache: its content is when the copy was made. */
export const SERVED_FROM_CACHE_META = "spo-served-from-cache";
/** The attribute of a form whose submission signs the person out (the page script then clears their caches). */
export const CLEAR_ON_SUBMIT_ATTRIBUTE = "data-offline-clear";
/** localStorage key of the last signed-in person's tag seen in a page from the network. */
export const VIEWER_STORAGE_KEY = "spo-offline-viewer";

const PERSONAL_PATHS = new Set(["/my", "/my/ticket.pdf", "/my/certificate.pdf"]);
const PAGE_PATH = /^\/(?:programme|sessions\/[A-Za-z0-9_-]{1,64})$/;

/** Which runtime cache a same-origin GET belongs to, or null when it is never kept. */
export function offlineCacheFor(url: URL, sameOrigin: boolean, navigate: boolean): string | null {
  if (!sameOrigin) return null;
  if (PERSONAL_PATHS.has(url.pathname)) return navigate || url.pathname.endsWith(".pdf") ? PERSONAL_CACHE : null;
  // Pages only: client-side navigations fetch RSC payloads (`?_rsc=`), which are not kept.
  if (navigate && PAGE_PATH.test(url.pathname) && !url.searchParams.has("_rsc")) return PAGES_CACHE;
  return null;
}

/**
 * Whether the personal caches must go, given the tag of the person a page from the network was
 * rendered for (empty: nobody signed in) and the last tag seen. Going from somebody to anybody
 * else — signed out, session expired, another person signed in — clears them; from nobody to
 * somebody does not (the previous person's caches went when their session ended).
 */
export function viewerChanged(last: string | null, current: string): boolean {
  return Boolean(last) && last !== current;
}
