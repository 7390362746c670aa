/**
 * A small client API for the app's single live region (./live-region.tsx) and for putting focus
 * where a keyboard user expects it after an action. Plain DOM, no React state: any client
 * component (or chunk) can call it, and it costs guests nothing until called.
 */
const LIVE_REGION_ID = "a11y-live";
let pending: ReturnType<typeof setTimeout> | undefined;
let last = "";

/** The text most recently given to `announce()` (to add a sentence to it). */
export function lastAnnouncement(): string {
  return last;
}

/** Says `text` once through the polite live region (clearing first, so a repeat is read again). */
export function announce(text: string): void {
  const region = typeof document === "undefined" ? null : document.getElementById(LIVE_REGION_ID);
  if (!region) return;
  last = text;
  if (pending) clearTimeout(pending);
  region.textContent = "";
  pending = setTimeout(() => {
    region.textContent = text;
  }, 50);
}

type Pick = () => HTMLElement | null | undefined;

/**
 * Focuses an element once React has rendered the change that produced it: `pick` is asked on
 * each animation frame (for up to ~5 s on a slow phone) until it returns an element that can take
 * focus; then `fallback`, if given, is focused instead.
 */
export function focusWhenReady(pick: Pick, { fallback, tries = 300 }: { fallback?: Pick; tries?: number } = {}): void {
  if (typeof window === "undefined") return;
  const el = pick();
  if (el && el.isConnected && !(el as HTMLButtonElement).disabled) {
    el.focus();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusWhenReady(pick, { fallback, tries: tries - 1 }));
  else fallback?.()?.focus();
}

/** Makes a non-interactive element (a heading, a summary) focusable by script and focuses it. */
export function focusStatic(el: HTMLElement | null | undefined): void {
  if (!el) return;
  if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus();
}
