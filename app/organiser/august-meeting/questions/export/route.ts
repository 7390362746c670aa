import { serverApi } from "~/app/_trpc/server";
import { tableDownload } from "~/app/organiser/august-meeting/export-response";
import { questionsTable } from "~/server/meeting/export";

export const dynamic = "force-dynamic";

/** Questions and proposals by agenda topic as CSV (default) or XLSX (`?format=xlsx`), for organisers. */
export async function GET(request: Request) {
  return tableDownload(request, "august-meeting-questions", async () =>
    questionsTable((await (await serverApi()).meeting.questions()).topics),
  );
}
