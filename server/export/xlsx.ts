/**
 * Excel workbooks (.xlsx) through exceljs: the first sheet read as rows of text (dates and times
 * as organisers typed them), and sheets written with a bold, frozen header row, every text cell
 * defused (server/export/cells.ts) and written as a string, never as a formula.
 */
import ExcelJS from "exceljs";
import { defuseCell, phoneCell, restoreCell } from "~/server/export/cells";
import type { PhoneValue } from "~/server/export/csv";
import { exportT } from "~/server/i18n/server-messages";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A cell as text. Excel stores dates and times as numbers; exceljs gives date-formatted cells as
 * Date objects in UTC: a time-only cell lies on 30 December 1899.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false"; // read back by parseFlag in any language
  if (value instanceof Date) {
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    if (value.getUTCFullYear() < 1901) return time;
    const day = `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
    return value.getUTCHours() === 0 && value.getUTCMinutes() === 0 ? day : `${day} ${time}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

/** The first worksheet as rows of text cells (empty trailing cells trimmed). */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(restoreCell(cellText(row.getCell(c).value)));
    rows.push(cells);
  }
  return rows;
}

export type SheetCell = string | number | null | PhoneValue;

export type SheetSpec = {
  name: string;
  header: readonly string[];
  rows: readonly (readonly SheetCell[])[];
  /** Column widths in characters; by default from the longest cell (10 to 60). */
  widths?: readonly number[];
};

const cellValue = (c: SheetCell): string | number =>
  c === null
    ? ""
    : typeof c === "number"
      ? c
      : typeof c === "object"
        ? phoneCell(c.phone, "xlsx")
        : defuseCell(c, "xlsx");

/** Excel's rules for sheet names: no : \\ / ? * [ ], at most 31 characters, unique (any case). */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const base =
      raw
        .replace(/[:\\/?*[\]]/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^'+|'+$/g, "") || "—";
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  });
}

const plain = (c: SheetCell): string | number => (c !== null && typeof c === "object" ? c.phone : (c ?? ""));

export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = exportT("creator");
  const names = sheetNames(sheets.map((s) => s.name));
  for (const [index, spec] of sheets.entries()) {
    const sheet = workbook.addWorksheet(names[index]!, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(spec.header.map((h) => defuseCell(h, "xlsx")));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map(cellValue));
    spec.header.forEach((_, i) => {
      const longest = Math.max(...[spec.header, ...spec.rows].map((r) => String(plain(r[i] ?? null)).length));
      sheet.getColumn(i + 1).width = spec.widths?.[i] ?? Math.min(60, Math.max(10, longest + 2));
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
