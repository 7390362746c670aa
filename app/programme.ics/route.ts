import { inRequestLocale } from "~/app/_components/request-locale";
import { programmeCalendar } from "~/server/booking/calendar/feed";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** The public programme as iCalendar: all of it, or one track with ?track=<code> (unknown track: 404). */
export async function GET(request: Request) {
  const track = new URL(request.url).searchParams.get("track")?.trim() || null;
  if (track && !/^[a-z0-9-]{1,40}$/i.test(track)) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const ics = await inRequestLocale(() => programmeCalendar({ db, trackCode: track }));
  if (!ics) return new Response("Not found", { status: 404 });
  const name = track ? `forum-spo-programme-${track}.ics` : "forum-spo-programme.ics";
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "public, max-age=300",
      // Written in the requester's language (the lang cookie).
      Vary: "Cookie",
    },
  });
}
