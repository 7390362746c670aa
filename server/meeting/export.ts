/**
 * The roll-call and the questions as tables; server/export/file.ts writes them as CSV or XLSX.
 */
import { dateFormat, serverTranslator } from "~/server/i18n/translate";
import { forumTimeZone } from "~/server/i18n/config";
import type { RollCall, QuestionItem } from "~/server/meeting/reports";
import type { MeetingTopic } from "~/server/generated/prisma/enums";
import type { Table } from "~/server/export/file";

const t = serverTranslator("meeting");

export function rollCallTable(rollCall: RollCall): Table {
  const rows: string[][] = [];
  for (const d of rollCall.districts) {
    for (const r of d.regions) {
      const base = [t(`meetingDistricts.${d.district}`), r.code, r.name, t(`meetingRollCallStates.${r.state}`)];
      if (r.delegates.length === 0) rows.push([...base, "", "", "", "", "", ""]);
      for (const p of r.delegates) {
        rows.push([
          ...base,
          p.name,
          t(`meetingRoles.${p.role}`),
          t(`meetingStatuses.${p.status}`),
          p.authorityName,
          p.position,
          p.email,
        ]);
      }
    }
  }
  return {
    title: t("meetingExport.rollCallTitle"),
    header: [
      t("meetingExport.district"),
      t("meetingExport.code"),
      t("meetingExport.region"),
      t("meetingExport.state"),
      t("meetingExport.name"),
      t("meetingExport.role"),
      t("meetingExport.status"),
      t("meetingExport.authority"),
      t("meetingExport.position"),
      t("meetingExport.email"),
    ],
    rows,
  };
}

const dateTime = () => dateFormat({ dateStyle: "short", timeStyle: "short", timeZone: forumTimeZone });

export function questionsTable(topics: { topic: MeetingTopic | null; items: QuestionItem[] }[]): Table {
  const rows = topics.flatMap((g) =>
    g.items.map((q) => [
      g.topic ? t(`meetingTopics.${g.topic}`) : t("meetingExport.noTopic"),
      q.region,
      q.name,
      q.authorityName,
      q.position,
      t(`meetingStatuses.${q.status}`),
      q.question,
      dateTime().format(q.createdAt),
    ]),
  );
  return {
    title: t("meetingExport.questionsTitle"),
    header: [
      t("meetingExport.topic"),
      t("meetingExport.region"),
      t("meetingExport.name"),
      t("meetingExport.authority"),
      t("meetingExport.position"),
      t("meetingExport.status"),
      t("meetingExport.question"),
      t("meetingExport.submittedAt"),
    ],
    rows,
  };
}
