import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { attendeeTable } from "~/server/export/door-lists";

export const dynamic = "force-dynamic";

/** Who holds a seat and who waits for one, for the hall staff (personal data: organisers only). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = formatOf(request);
  const { id } = await params;
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const { sessions, timeZone } = await api.programmeAdmin.rosters({ sessionId: id });
      const table = attendeeTable(sessions[0]!, timeZone);
      return await download(table, `forum-spo-attendees-${sessions[0]!.id}`, format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
