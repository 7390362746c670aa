/** Locales the interface speaks. Russian is the default; add a messages folder to add one. */
export const locales = ["ru", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ru";
/** The cookie that keeps a guest's language (the guest page cache varies on it: scripts/page-cache.mjs). */
export const LOCALE_COOKIE = "lang";
/** The cookie of a guest's own time zone, shown beside Moscow time (also in VARY_COOKIES). */
export const TIME_ZONE_COOKIE = "tz";
/** The forum's zone: times are shown in it unless a person asks for their own. */
export const forumTimeZone = "Europe/Moscow";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tag for Intl formatters. */
export const intlTag: Record<Locale, string> = { ru: "ru-RU", en: "en-GB" };

/**
 * The language of a request: a signed-in person's stored choice, else the guest's cookie, else
 * Russian. Anything that is not a known locale counts as no choice.
 */
export function resolveLocale(stored: string | null | undefined, cookie: string | null | undefined): Locale {
  if (isLocale(stored)) return stored;
  if (isLocale(cookie)) return cookie;
  return defaultLocale;
}

/** The `lang` cookie's value from a Cookie header (route handlers, the tRPC handler). */
export function localeCookieOf(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === LOCALE_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}
