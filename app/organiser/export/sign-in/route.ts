import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { attachment, refused } from "~/app/organiser/export/respond";
import { signInSheetPdf } from "~/server/export/sign-in-sheet";
import { apiErrorsT } from "~/server/i18n/server-messages";

export const dynamic = "force-dynamic";

/** The printable sign-in sheet of one session (`?session=`) or of every session in a room (`?room=`). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const sessionId = url.searchParams.get("session") ?? undefined;
  const roomId = url.searchParams.get("room") ?? undefined;
  return inRequestLocale(async () => {
    if (!sessionId && !roomId) return new Response(apiErrorsT("exportNotFound"), { status: 404 });
    try {
      const api = await serverApi();
      const { sessions, timeZone } = await api.programmeAdmin.rosters(sessionId ? { sessionId } : { roomId });
      const pdf = await signInSheetPdf({
        timeZone,
        sections: sessions.map((s) => ({ ...s, people: s.people.filter((p) => p.status === "booked") })),
      });
      const name = sessionId ? `session-${sessionId}` : `room-${roomId}`;
      return attachment(pdf, { contentType: "application/pdf", fileName: `forum-spo-sign-in-${name}.pdf` });
    } catch (error) {
      return refused(error, request);
    }
  });
}
