import { serverApi } from "~/app/_trpc/server";
import { tableDownload } from "~/app/organiser/august-meeting/export-response";
import { rollCallTable } from "~/server/meeting/export";

export const dynamic = "force-dynamic";

/** The roll-call of the regions as CSV (default) or XLSX (`?format=xlsx`), for organisers. */
export async function GET(request: Request) {
  return tableDownload(request, "august-meeting-roll-call", async () =>
    rollCallTable(await (await serverApi()).meeting.rollCall()),
  );
}
