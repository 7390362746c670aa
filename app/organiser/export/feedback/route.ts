import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { downloadReport, formatOf, refused } from "~/app/organiser/export/respond";
import { feedbackTables } from "~/server/feedback/export";

export const dynamic = "force-dynamic";

/** The feedback report (per track, per session, every comment; no names), CSV or XLSX. */
export async function GET(request: Request) {
  const format = formatOf(request);
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const report = await api.feedback.report();
      return await downloadReport(feedbackTables(report), "forum-spo-feedback", format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
