import { serverApi } from "~/app/_trpc/server";
import { inRequestLocale } from "~/app/_components/request-locale";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { exportT } from "~/server/i18n/server-messages";
import { COLUMNS, templateRows } from "~/server/organiser/io/columns";

export const dynamic = "force-dynamic";

/** The import template: the columns and one example row (CSV with a BOM, or XLSX). */
export async function GET(request: Request) {
  const format = formatOf(request);
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const rows = templateRows(await api.programmeAdmin.importTemplate());
      const table = {
        title: exportT("programmeTitle"),
        header: rows[0]!,
        rows: rows.slice(1),
        widths: COLUMNS.map((c) => c.width),
      };
      return await download(table, "forum-spo-programme-template", format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
