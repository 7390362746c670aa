import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { exportHeader, programmeRow } from "~/server/organiser/io/columns";

export const dynamic = "force-dynamic";

/** The whole programme (drafts included) in the import's columns, plus status and audience. */
export async function GET(request: Request) {
  const format = formatOf(request);
  try {
    const api = await serverApi();
    const { sessions, timeZone } = await api.programmeAdmin.exportProgramme();
    const header = exportHeader();
    const rows = sessions.map((s) => programmeRow(s, timeZone));
    return await download({ title: "Программа", header, rows }, "forum-spo-programme", format);
  } catch (error) {
    return refused(error, request);
  }
}
