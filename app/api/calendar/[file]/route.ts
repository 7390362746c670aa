import { calendarByToken } from "~/server/booking/calendar/feed";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/**
 * The private subscription feed: /api/calendar/<token>.ics. Unknown, revoked or malformed
 * tokens get a plain 404, the same for all, so a token cannot be probed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const ics = token ? await calendarByToken({ db: await getDb(), token }) : null;
  if (!ics) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="forum-spo-my-schedule.ics"',
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
    },
  });
}
