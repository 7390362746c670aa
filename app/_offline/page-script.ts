/**
 * The page side of the offline app, bundled by scripts/build-sw.mjs into public/offline.js and loaded
 * by the root layout in production builds only (an external file: it passes the CSP as 'self').
 *
 * - Registers the service worker (/sw.js) once the page has loaded.
 * - A page answered from the cache (the worker's meta element): shows the notice «Нет сети — показана
 *   версия от …» (its text is rendered by the layout through the messages layer), and reloads the
 *   page when the network comes back, which brings the fresh page and no notice.
 * - Clears what was kept for a person when they sign out (a form marked `data-offline-clear`) and
 *   when a page from the network was rendered for somebody else than the last one (routes.ts).
 */
import {
  CLEAR_ON_SUBMIT_ATTRIBUTE,
  SERVED_FROM_CACHE_META,
  VIEWER_CACHES,
  VIEWER_STORAGE_KEY,
  viewerChanged,
} from "~/app/_offline/routes";

const NOTICE_TEXT_ID = "offline-notice-text";
/** How often a page shown from the cache asks, once the network is back, whether the site answers. */
const PROBE_MS = 10_000;
const NOTICE_CLASS = "bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950";

function clearViewerCaches(): Promise<unknown> {
  if (!("caches" in window)) return Promise.resolve();
  return Promise.all(VIEWER_CACHES.map((name) => caches.delete(name))).catch(() => undefined);
}

function readStored(): string | null {
  try {
    return localStorage.getItem(VIEWER_STORAGE_KEY);
  } catch {
    return null;
  }
}

function store(viewer: string) {
  try {
    localStorage.setItem(VIEWER_STORAGE_KEY, viewer);
  } catch {
    // Storage refused (private mode, quota): the sign-out form still clears the caches.
  }
}

/**
 * Shows when the page's copy was made, in the event's time zone and the page's language, in an
 * element of its own at the top of the body (React skips unknown elements there when it hydrates).
 */
function showNotice(cachedAt: string) {
  const source = document.getElementById(NOTICE_TEXT_ID);
  const template = source?.dataset.template;
  if (!source || !template) return;
  const when = new Date(cachedAt);
  const date = Number.isNaN(when.getTime())
    ? ""
    : new Intl.DateTimeFormat(document.documentElement.lang || "ru", {
        day: "numeric",
        month: "long",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: source.dataset.timeZone || undefined,
      }).format(when);
  const notice = document.createElement("p");
  notice.id = "offline-notice";
  notice.setAttribute("role", "status");
  notice.className = NOTICE_CLASS;
  notice.textContent = template.replace("{date}", date);
  // Without this the browser's scroll anchoring keeps the page where it was: the notice above the top.
  document.documentElement.style.overflowAnchor = "none";
  document.body.prepend(notice);
}

/**
 * Calls `then` once the browser says the network is back (`online`) and the site answers a probe
 * of /api/health (never answered by the worker), trying again every 10 s until it does. A copy
 * shown because the network was slow, not gone, gets no `online` event: it is not reloaded in a
 * loop on a weak network (the person reloads it when they like).
 */
function whenBackOnline(then: () => void) {
  let timer = 0;
  const probe = () =>
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => {
        if (!response.ok) return;
        window.clearInterval(timer);
        then();
      },
      () => undefined,
    );
  window.addEventListener(
    "online",
    () => {
      timer = window.setInterval(() => void probe(), PROBE_MS);
      void probe();
    },
    { once: true },
  );
}

function start() {
  const cachedAt = document.querySelector<HTMLMetaElement>(`meta[name="${SERVED_FROM_CACHE_META}"]`)?.content;
  if (cachedAt) {
    showNotice(cachedAt);
    whenBackOnline(() => window.location.reload());
  } else {
    // Only a page from the network says who is signed in now; a kept copy says who was.
    const viewer = document.body.dataset.viewer ?? "";
    if (viewerChanged(readStored(), viewer)) void clearViewerCaches();
    store(viewer);
  }

  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof HTMLFormElement && event.target.hasAttribute(CLEAR_ON_SUBMIT_ATTRIBUTE)) {
        store("");
        void clearViewerCaches();
      }
    },
    true,
  );

  if ("serviceWorker" in navigator) {
    const register = () =>
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // No worker (a browser setting, an insecure origin): the site works online as before.
      });
    if (document.readyState === "complete") void register();
    else window.addEventListener("load", () => void register(), { once: true });
  }
}

// React may hoist the async script into the head: wait for the body.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
