/**
 * Excel workbooks (.xlsx) through exceljs: the first sheet read as rows of text (dates and times
 * as organisers typed them), and simple sheets written with a bold, frozen header row.
 */
import ExcelJS from "exceljs";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A cell as text. Excel stores dates and times as numbers; exceljs gives date-formatted cells as
 * Date objects in UTC: a time-only cell lies on 30 December 1899.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "да" : "нет";
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
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

export type SheetSpec = {
  name: string;
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  widths?: readonly number[];
};

export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Форум СПО";
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow([...spec.header]);
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map((c) => (c === null ? "" : c)));
    spec.header.forEach((_, i) => {
      sheet.getColumn(i + 1).width = spec.widths?.[i] ?? 18;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
