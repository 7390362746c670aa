import { getRequestConfig } from "next-intl/server";
import { defaultLocale, forumTimeZone } from "~/server/i18n/config";
import { messages } from "~/server/i18n/messages/ru";

export default getRequestConfig(async () => ({ locale: defaultLocale, messages, timeZone: forumTimeZone }));
