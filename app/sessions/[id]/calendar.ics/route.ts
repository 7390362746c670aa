import { inRequestLocale } from "~/app/_components/request-locale";
import { getSessionUser } from "~/server/auth/session";
import { sessionCalendar } from "~/server/booking/calendar/feed";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** One session as an .ics download («Add to calendar»); unknown, draft or hidden: 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[a-z0-9_-]{1,64}$/i.test(id)) return new Response("Not found", { status: 404 });
  const [db, user] = await Promise.all([getDb(), getSessionUser()]);
  const ics = await inRequestLocale(() => sessionCalendar({ db, sessionId: id, actor: user }));
  if (!ics) return new Response("Not found", { status: 404 });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="forum-spo-${id}.ics"`,
      // The closed meeting's file depends on who asks: never shared between people.
      "Cache-Control": "private, no-store",
    },
  });
}
