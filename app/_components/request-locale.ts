import "server-only";
import { getLocale } from "next-intl/server";
import { inLocaleOf } from "~/server/i18n/translate";

/**
 * Runs a route handler's work in the requester's language (their stored choice, else the `lang`
 * cookie: server/i18n/request.ts), so that the file it writes (CSV and XLSX headers, .ics text)
 * and the errors it meets speak it.
 */
export async function inRequestLocale<T>(fn: () => Promise<T>): Promise<T> {
  return inLocaleOf(await getLocale(), fn);
}
