import { getRequestConfig } from "next-intl/server";
import { defaultLocale, forumTimeZone } from "~/server/i18n/config";

export default getRequestConfig(async () => {
  const locale = defaultLocale;
  const messages = (await import(`./messages/${locale}.json`)) as { default: Record<string, unknown> };
  return { locale, messages: messages.default, timeZone: forumTimeZone };
});
