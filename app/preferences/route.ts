import { NextResponse } from "next/server";
import { serverApi } from "~/app/_trpc/server";
import { preferencesInput } from "~/server/account/preferences";
import { getSessionUser } from "~/server/auth/session";
import { backToPage } from "~/server/auth/redirect";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from "~/server/i18n/config";

export const dynamic = "force-dynamic";

const YEAR = 365 * 24 * 60 * 60;

/**
 * The language switch and the time-zone switch (a plain form: works without JavaScript). The
 * choice goes into the `lang` / `tz` cookie (what guests have and the guest page cache keys on)
 * and, for a signed-in person, into their profile, which then decides their pages, mail, exports
 * and calendars. Answers with a redirect back to the page the form was on.
 */
export async function POST(request: Request) {
  const form = await request.formData();
  const parsed = preferencesInput.safeParse({
    locale: form.get("locale") ?? undefined,
    timeZone: form.get("timeZone") ?? undefined,
  });
  const response = NextResponse.redirect(new URL(backToPage(request, form.get("back")), request.url), 303);
  if (!parsed.success) return response; // an unknown value changes nothing
  const secure = new URL(request.url).protocol === "https:";
  const cookie = { path: "/", maxAge: YEAR, sameSite: "lax" as const, httpOnly: true, secure };
  if (parsed.data.locale) response.cookies.set(LOCALE_COOKIE, parsed.data.locale, cookie);
  if (parsed.data.timeZone !== undefined) {
    if (parsed.data.timeZone) response.cookies.set(TIME_ZONE_COOKIE, parsed.data.timeZone, cookie);
    else response.cookies.delete(TIME_ZONE_COOKIE);
  }
  if (await getSessionUser()) await (await serverApi()).account.setPreferences(parsed.data);
  return response;
}
