import { serverApi } from "~/app/_trpc/server";
import { inRequestLocale } from "~/app/_components/request-locale";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { exportT } from "~/server/i18n/server-messages";
import { exportHeader, programmeRow } from "~/server/organiser/io/columns";

export const dynamic = "force-dynamic";

/** The whole programme (drafts included) in the import's columns, plus status and audience. */
export async function GET(request: Request) {
  const format = formatOf(request);
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const { sessions, timeZone } = await api.programmeAdmin.exportProgramme();
      const header = exportHeader();
      const rows = sessions.map((s) => programmeRow(s, timeZone));
      return await download({ title: exportT("programmeTitle"), header, rows }, "forum-spo-programme", format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
