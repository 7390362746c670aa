/**
 * Every table the platform hands out as a file (the programme, its import template, attendee lists,
 * the August meeting's roll-call and questions, the feedback report) goes through here: CSV for Excel or
 * an XLSX workbook.
 */
import { toCsv } from "~/server/export/csv";
import { writeXlsx, type SheetCell } from "~/server/export/xlsx";

export type ExportFormat = "csv" | "xlsx";

export type Table = {
  /** The sheet's name in XLSX (at most 31 characters are kept). */
  title: string;
  /** A line above the header, in CSV only (the attendee list names its session there). */
  caption?: string;
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
  const body =
    format === "csv"
      ? toCsv([...(table.caption ? [[table.caption]] : []), table.header, ...table.rows])
      : await writeXlsx([{ name: table.title, header: table.header, rows: table.rows, widths: table.widths }]);
  return { body, contentType: CONTENT_TYPES[format], extension: format };
}

/**
 * Several tables in one file: an XLSX sheet each; in CSV one after another, each under a line with
 * its title and apart by an empty line (the feedback report: per track, per session, comments).
 */
export async function exportTables(tables: readonly Table[], format: ExportFormat): Promise<ExportFile> {
  const body =
    format === "csv"
      ? toCsv(
          tables.flatMap((table, i) => [
            ...(i > 0 ? [[]] : []),
            [table.caption ?? table.title],
            table.header,
            ...table.rows,
          ]),
        )
      : await writeXlsx(tables.map((t) => ({ name: t.title, header: t.header, rows: t.rows, widths: t.widths })));
  return { body, contentType: CONTENT_TYPES[format], extension: format };
}
