import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { allAttendeeTables } from "~/server/export/door-lists";

export const dynamic = "force-dynamic";

/**
 * Every session's door list in one click: XLSX with «Все записи» and a sheet per session; CSV with
 * «Все записи» (a CSV file holds one table). A track editor gets their tracks' sessions.
 */
export async function GET(request: Request) {
  const format = formatOf(request);
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const { sessions, timeZone } = await api.programmeAdmin.rosters({});
      return await download(allAttendeeTables(sessions, timeZone), "forum-spo-attendees-all", format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
