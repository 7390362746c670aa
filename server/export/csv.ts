/**
 * CSV as Excel in Russian locales reads and writes it, through csv-stringify and csv-parse:
 * UTF-8 with a byte-order mark (so Cyrillic shows), ";" between cells, CRLF line ends, RFC 4180
 * quoting. Reading also accepts "," and tab separators and files Excel saved in Windows-1251. Pure.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { defuseCell, phoneCell, restoreCell } from "~/server/export/cells";

/** A telephone number, written by the export module in a form each format shows as text. */
export type PhoneValue = { phone: string };
export type CellValue = string | number | null | undefined | PhoneValue;
export type Rows = readonly (readonly CellValue[])[];

const text = (c: Exclude<CellValue, PhoneValue>): string => (c === null || c === undefined ? "" : String(c));
const csvCell = (c: CellValue): string =>
  c !== null && typeof c === "object" ? phoneCell(c.phone, "csv") : defuseCell(text(c), "csv");

/** The rows as a CSV file, every cell defused. */
export function toCsv(rows: Rows, separator = ";"): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    {
      bom: true,
      delimiter: separator,
      record_delimiter: "windows",
      // Excel drops leading and trailing spaces of unquoted cells; csv-stringify quotes a line break
      // only when it matches record_delimiter, and a bare LF inside a cell would end Excel's row.
      quoted_match: /^\s|\s$|[\r\n]/,
    },
  );
}

/** UTF-8 (with or without BOM), or Windows-1251 when the bytes are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** The separator most used on the first line, outside quotes (";" when there is none). */
function detectSeparator(input: string): string {
  const firstLine = input.split(/\r?\n/, 1)[0] ?? "";
  const outside = firstLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((s) => [s, outside.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ";";
}

/** Rows of cells; quoted cells may hold separators, quotes ("") and line breaks. */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = parse(input, {
    bom: true,
    delimiter: detectSeparator(input.replace(/^\uFEFF/, "")),
    relax_column_count: true,
    // A quote inside an unquoted cell is text, as Excel writes it.
    relax_quotes: true,
    skip_empty_lines: false,
  });
  return rows.map((r) => r.map(restoreCell));
}
