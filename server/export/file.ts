/**
 * Every table the platform hands out as a file (the programme, its import template, attendee lists,
 * registrations, the August meeting's roll-call and questions) goes through here: CSV for Excel or
 * an XLSX workbook. A file has exactly one header row (what a door list, a mail merge or a filter
 * expects); what the list is about goes into the file's name and the sheet's name.
 */
import { toCsv } from "~/server/export/csv";
import { writeXlsx, type SheetCell } from "~/server/export/xlsx";

export type ExportFormat = "csv" | "xlsx";

export type Table = {
  /** The sheet's name in XLSX (made valid for Excel: at most 31 characters, unique). */
  title: string;
  header: readonly string[];
  rows: readonly (readonly SheetCell[])[];
  widths?: readonly number[];
};

export type ExportFile = { body: Uint8Array<ArrayBuffer> | string; contentType: string; extension: ExportFormat };

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function exportTable(table: Table, format: ExportFormat): Promise<ExportFile> {
  return exportTables([table], format);
}

/**
 * Several tables: in XLSX one sheet each, in the given order; a CSV file holds one table, so it
 * gets the first (the caller puts the table with everything first, e.g. «Все записи»).
 */
export async function exportTables(tables: readonly Table[], format: ExportFormat): Promise<ExportFile> {
  const [first] = tables;
  if (!first) throw new Error("exportTables needs at least one table");
  const body =
    format === "csv"
      ? toCsv([first.header, ...first.rows])
      : await writeXlsx(tables.map((t) => ({ name: t.title, header: t.header, rows: t.rows, widths: t.widths })));
  return { body, contentType: CONTENT_TYPES[format], extension: format };
}

/**
 * A report of several tables in one file (the feedback report: per track, per session, comments):
 * an XLSX sheet each; in CSV one after another, each under a line with its title and apart by an
 * empty line — a report to read, not a list to filter, so it is the one CSV with more than one header.
 */
export async function exportReport(tables: readonly Table[], format: ExportFormat): Promise<ExportFile> {
  if (format === "xlsx") return exportTables(tables, format);
  const body = toCsv(
    tables.flatMap((table, i) => [...(i > 0 ? [[]] : []), [table.title], table.header, ...table.rows]),
  );
  return { body, contentType: CONTENT_TYPES[format], extension: format };
}
