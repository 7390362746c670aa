/**
 * The feedback report as tables for the platform's export module (server/export/): per track,
 * per session (with the distribution of marks) and the comments, without names.
 */
import type { Table } from "~/server/export/file";
import type { FeedbackReport } from "~/server/feedback/report";
import { dateFormat, serverTranslator } from "~/server/i18n/translate";

const t = serverTranslator("dashboard", "feedbackReport");

const MARKS = [1, 2, 3, 4, 5] as const;

export function feedbackTables(report: FeedbackReport): Table[] {
  const when = (d: Date) =>
    dateFormat({
      dateStyle: "short",
      timeStyle: "short",
      timeZone: report.timeZone,
    }).format(d);
  const marks = MARKS.map((mark) => t("mark", { mark }));
  const sessionById = new Map(report.sessions.map((s) => [s.id, s]));
  return [
    {
      title: t("sheetTracks"),
      header: [t("track"), t("sessions"), t("n"), t("average"), ...marks],
      rows: report.tracks.map((r) => [r.title ?? t("noTrack"), r.sessions, r.n, r.average, ...r.distribution]),
    },
    {
      title: t("sheetSessions"),
      header: [t("session"), t("track"), t("start"), t("n"), t("average"), ...marks],
      rows: report.sessions.map((s) => [
        s.title,
        s.trackTitle ?? t("noTrack"),
        when(s.startsAt),
        s.n,
        s.average,
        ...s.distribution,
      ]),
    },
    {
      title: t("sheetComments"),
      header: [t("session"), t("track"), t("rating"), t("comment"), t("date")],
      rows: report.comments.map((c) => {
        const s = sessionById.get(c.sessionId);
        return [s?.title ?? "", s?.trackTitle ?? t("noTrack"), c.rating, c.comment, when(c.createdAt)];
      }),
    },
  ];
}
