import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "~/server/auth/session";
import { forumTimeZone, LOCALE_COOKIE, resolveLocale, type Locale } from "~/server/i18n/config";
import { messages as en } from "~/server/i18n/messages/en";
import { messages as ru } from "~/server/i18n/messages/ru";

const catalogues: Record<Locale, Record<string, unknown>> = { ru, en };

/**
 * The page's language: a signed-in person's stored choice, else the guest's `lang` cookie
 * (the guest page cache keys on it), else Russian.
 */
export default getRequestConfig(async () => {
  const [user, jar] = await Promise.all([getSessionUser(), cookies()]);
  const locale = resolveLocale(user?.locale, jar.get(LOCALE_COOKIE)?.value);
  return { locale, messages: catalogues[locale], timeZone: forumTimeZone };
});
