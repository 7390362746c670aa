import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportTable } from "~/server/export/file";
import { questionsTable, rollCallTable } from "~/server/meeting/export";
import { emptyCounts } from "~/server/meeting/rules";

const rollCall = {
  edition: { name: "Форум" },
  districts: [
    {
      district: "CENTRAL" as const,
      counts: emptyCounts(),
      regions: [
        {
          id: 1,
          code: "40",
          name: "Калужская область",
          state: "ACCREDITED" as const,
          delegates: [
            {
              id: "a",
              name: "Кедров Олег Павлович",
              email: "head@example.ru",
              role: "HEAD" as const,
              status: "ACCREDITED" as const,
              authorityName: "Министерство образования; науки",
              position: "Министр",
            },
          ],
        },
        { id: 2, code: "71", name: "Тульская область", state: "NONE" as const, delegates: [] },
      ],
    },
  ],
  total: emptyCounts(),
};

describe("exports", () => {
  it("write the roll-call as CSV for Excel: BOM, semicolons, quoted cells, one row per delegate or region", async () => {
    const csv = (await exportTable(rollCallTable(rollCall), "csv")).body as string;
    expect(csv.startsWith("\uFEFFФедеральный округ;Код;Регион;Состояние;ФИО;")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'Центральный федеральный округ;40;Калужская область;аккредитован;Кедров Олег Павлович;Руководитель делегации;аккредитован(а);"Министерство образования; науки";Министр;head@example.ru',
    );
    expect(lines[2]).toBe("Центральный федеральный округ;71;Тульская область;нет заявки;;;;;;");
  });

  it("keep formulas out of spreadsheets and quote quotes and line breaks", async () => {
    const table = { title: "x", header: ["a"], rows: [["=HYPERLINK(1)"], ['say "hi"\nthen']] };
    const csv = (await exportTable(table, "csv")).body;
    expect(csv).toBe('\uFEFFa\r\n\'=HYPERLINK(1)\r\n"say ""hi""\nthen"\r\n');
  });

  it("group questions by topic, with the topic named", () => {
    const table = questionsTable([
      {
        topic: "CAREER_GUIDANCE",
        items: [
          {
            id: "q",
            region: "Калужская область",
            name: "Кедров Олег",
            authorityName: "Министерство",
            position: "Министр",
            status: "SUBMITTED",
            question: "Как считать эффективность профориентации?",
            createdAt: new Date("2025-08-01T07:00:00Z"),
          },
        ],
      },
      { topic: null, items: [] },
    ]);
    expect(table.rows).toEqual([
      [
        "Профориентация",
        "Калужская область",
        "Кедров Олег",
        "Министерство",
        "Министр",
        "на рассмотрении",
        "Как считать эффективность профориентации?",
        "01.08.2025, 10:00",
      ],
    ]);
  });

  it("write a real XLSX workbook that reads back", async () => {
    const { body, contentType } = await exportTable(rollCallTable(rollCall), "xlsx");
    expect(contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Перекличка регионов");
    expect(sheet.getRow(1).getCell(3).value).toBe("Регион");
    expect(sheet.getRow(2).getCell(5).value).toBe("Кедров Олег Павлович");
    expect(sheet.rowCount).toBe(3);
  });
});
