/**
 * Exports of the roll-call and of the questions: rows of text, then CSV (UTF-8 with a BOM and
 * semicolons, which is what Excel in a Russian locale opens as columns) or XLSX (exceljs).
 */
import { createTranslator } from "use-intl/core";
import meeting from "~/server/i18n/messages/ru/meeting.json";
import { forumTimeZone } from "~/server/i18n/config";
import type { RollCall, QuestionItem } from "~/server/meeting/reports";
import type { MeetingTopic } from "~/server/generated/prisma/enums";

const t = createTranslator({ locale: "ru", messages: meeting });

export type Table = { title: string; header: string[]; rows: string[][] };

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

const dateTime = new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeStyle: "short", timeZone: forumTimeZone });

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
      dateTime.format(q.createdAt),
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

/** A cell that a spreadsheet would run as a formula is kept as text. */
const defuse = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function csvCell(value: string): string {
  const v = defuse(value);
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(table: Table): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function toXlsx(table: Table): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Форум СПО";
  const sheet = workbook.addWorksheet(table.title.slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(defuse));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(...[table.header, ...table.rows].map((r) => (r[i] ?? "").length));
    column.width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
