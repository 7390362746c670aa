import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { exportHeader, programmeRow } from "~/server/organiser/io/columns";
import { toCsv } from "~/server/organiser/io/csv";
import { writeXlsx } from "~/server/organiser/io/xlsx";

export const dynamic = "force-dynamic";

/** The whole programme (drafts included) in the import's columns, plus status and audience. */
export async function GET(request: Request) {
  const format = formatOf(request);
  try {
    const api = await serverApi();
    const { sessions, timeZone } = await api.programmeAdmin.exportProgramme();
    const header = exportHeader();
    const rows = sessions.map((s) => programmeRow(s, timeZone));
    if (format === "csv") return download(toCsv([header, ...rows]), "forum-spo-programme", "csv");
    return download(await writeXlsx([{ name: "Программа", header, rows }]), "forum-spo-programme", "xlsx");
  } catch (error) {
    return refused(error, request);
  }
}
