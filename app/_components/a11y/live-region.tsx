/**
 * The one polite live region of the app, rendered by the root layout on every page (guests
 * included) as plain HTML: no client code. Client components write to it through `announce()`
 * (./announce.ts); screen readers read each new text once, without moving focus.
 */
export const LIVE_REGION_ID = "a11y-live";

export function LiveRegion() {
  return <div id={LIVE_REGION_ID} aria-live="polite" aria-atomic="true" className="sr-only" />;
}
