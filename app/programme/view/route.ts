import { NextResponse } from "next/server";
import { programmeQuery } from "~/server/programme/rules";
import { VIEW_COOKIE, viewSwitchInput } from "~/server/programme/view";

export const dynamic = "force-dynamic";

const YEAR = 365 * 24 * 60 * 60;

/**
 * The programme's view switch (plain links: no JavaScript needed). Remembers the chosen view in
 * the `view` cookie and answers with a redirect to the same day, filters and search with
 * `?view=` in the URL. Only the programme's own parameters are carried over, so the redirect
 * always stays on /programme; an unknown view changes nothing.
 */
export function GET(request: Request) {
  const url = new URL(request.url);
  const input = viewSwitchInput.parse(Object.fromEntries(url.searchParams));
  const query = programmeQuery({ day: input.day, track: input.track, format: input.format, q: input.q });
  const target = input.view ? `${query}${query ? "&" : "?"}view=${input.view}` : query;
  const response = NextResponse.redirect(new URL(`/programme${target}`, request.url), 303);
  response.headers.set("cache-control", "no-store");
  if (!input.view) return response;
  const secure = url.protocol === "https:";
  response.cookies.set(VIEW_COOKIE, input.view, { path: "/", maxAge: YEAR, sameSite: "lax", httpOnly: true, secure });
  return response;
}
