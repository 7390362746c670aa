import { NextResponse } from "next/server";
import { backToPage } from "~/server/auth/redirect";
import { DEMO_NOTE_COOKIE, DEMO_NOTE_HIDDEN } from "~/server/programme/view";

export const dynamic = "force-dynamic";

const YEAR = 365 * 24 * 60 * 60;

/**
 * «Скрыть» on the demo note (a plain form: no JavaScript, no inline script). The `demo` cookie
 * keeps it hidden; guest pages are cached per value of it (scripts/page-cache.mjs VARY_COOKIES).
 */
export async function POST(request: Request) {
  const form = await request.formData();
  const response = NextResponse.redirect(new URL(backToPage(request, form.get("back")), request.url), 303);
  const secure = new URL(request.url).protocol === "https:";
  response.cookies.set(DEMO_NOTE_COOKIE, DEMO_NOTE_HIDDEN, {
    path: "/",
    maxAge: YEAR,
    sameSite: "lax",
    httpOnly: true,
    secure,
  });
  return response;
}
