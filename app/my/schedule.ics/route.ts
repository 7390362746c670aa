import { inRequestLocale } from "~/app/_components/request-locale";
import { getSessionUser } from "~/server/auth/session";
import { personalCalendar } from "~/server/booking/calendar/feed";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** The signed-in person's schedule as a downloadable .ics file; guests are sent to sign in. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.redirect(new URL("/signin?next=/my", request.url), 303);
  const db = await getDb();
  const ics = await inRequestLocale(() => personalCalendar({ db, userId: user.id }));
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="forum-spo-my-schedule.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
