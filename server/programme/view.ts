/**
 * How the programme is shown (issue 11): the card list or the compact view (a time × room grid
 * on wide screens, one-line rows on phones). The URL's `?view=` wins, then the `view` cookie the
 * switch sets (scripts/page-cache.mjs keys guest pages on it), then cards.
 */
import { z } from "zod";
import { normaliseQuery, SESSION_FORMATS } from "~/server/programme/rules";

export const PROGRAMME_VIEWS = ["cards", "compact"] as const;
export type ProgrammeView = (typeof PROGRAMME_VIEWS)[number];

/** The cookie that remembers the chosen view (also in the page cache's VARY_COOKIES). */
export const VIEW_COOKIE = "view";
/** The cookie that keeps the demo note folded away (also in VARY_COOKIES). */
export const DEMO_NOTE_COOKIE = "demo";
export const DEMO_NOTE_HIDDEN = "hidden";

export function isProgrammeView(value: unknown): value is ProgrammeView {
  return typeof value === "string" && (PROGRAMME_VIEWS as readonly string[]).includes(value);
}

/** The view to show: a valid `?view=` first, else a valid cookie, else the cards. */
export function resolveProgrammeView(param: string | string[] | undefined, cookie: string | undefined): ProgrammeView {
  const fromUrl = Array.isArray(param) ? param[0] : param;
  if (isProgrammeView(fromUrl)) return fromUrl;
  if (isProgrammeView(cookie)) return cookie;
  return "cards";
}

/** Whether the URL itself names the view (links on the page then keep it, so the URL keeps winning). */
export function viewFromUrl(param: string | string[] | undefined): ProgrammeView | null {
  const fromUrl = Array.isArray(param) ? param[0] : param;
  return isProgrammeView(fromUrl) ? fromUrl : null;
}

/**
 * The view switch's link parameters (app/programme/view/route.ts): the view, and the programme
 * parameters carried over to the redirect; a malformed one is dropped, not an error.
 */
export const viewSwitchInput = z.object({
  view: z.enum(PROGRAMME_VIEWS).optional().catch(undefined),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  track: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional()
    .catch(undefined),
  format: z.enum(SESSION_FORMATS).optional().catch(undefined),
  q: z.string().transform(normaliseQuery).optional().catch(undefined),
});
