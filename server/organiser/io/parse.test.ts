import { describe, expect, it } from "vitest";
import { exportHeader, formatFromText, programmeRow, templateRows } from "~/server/organiser/io/columns";
import { decodeText, parseCsv, toCsv } from "~/server/export/csv";
import { parseDay, parseFlag, parseProgrammeTable, parseTime, splitPeople } from "~/server/organiser/io/parse";
import { cellText, readXlsx, writeXlsx } from "~/server/export/xlsx";
import { zonedTimeToUtc } from "~/server/programme/time";

const HEADER = [
  "Код",
  "День",
  "Начало",
  "Окончание",
  "Трек",
  "Формат",
  "Название",
  "Описание",
  "Зал",
  "Мест",
  "Закрытое",
  "Запись",
  "Модераторы",
  "Спикеры",
];
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    Код: "",
    День: "25.08.2025",
    Начало: "10:00",
    Окончание: "11:30",
    Трек: "quality",
    Формат: "Круглый стол",
    Название: "Демоэкзамен",
    Описание: "",
    Зал: "Зал «Ока»",
    Мест: "60",
    Закрытое: "нет",
    Запись: "да",
    Модераторы: "Иванова Мария",
    Спикеры: "Петров Иван; Сидорова Анна",
  };
  return HEADER.map((h) => over[h] ?? base[h]!);
};

describe("cells", () => {
  it("reads days in the usual spellings and Excel day numbers", () => {
    expect(parseDay("25.08.2025")).toBe("2025-08-25");
    expect(parseDay("5.8.2025")).toBe("2025-08-05");
    expect(parseDay("2025-08-25")).toBe("2025-08-25");
    expect(parseDay("45894")).toBe("2025-08-25");
    expect(parseDay("31.02.2025")).toBeNull();
    expect(parseDay("25 августа")).toBeNull();
    expect(parseDay("08/25/2025")).toBeNull();
  });

  it("reads times, including Excel day fractions", () => {
    expect(parseTime("9:30")).toBe("09:30");
    expect(parseTime("09.30")).toBe("09:30");
    expect(parseTime("09:30:00")).toBe("09:30");
    expect(parseTime("0.5")).toBe("12:00");
    expect(parseTime("0,395833333")).toBe("09:30");
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("полдень")).toBeNull();
  });

  it("reads yes and no", () => {
    expect(parseFlag("Да")).toBe(true);
    expect(parseFlag("1")).toBe(true);
    expect(parseFlag("нет")).toBe(false);
    expect(parseFlag("")).toBeNull();
    expect(parseFlag("может быть")).toBeUndefined();
  });

  it("splits people on semicolons and line breaks", () => {
    expect(splitPeople(" Иванова  Мария ;Петров Иван\nСидорова Анна;; ")).toEqual([
      "Иванова Мария",
      "Петров Иван",
      "Сидорова Анна",
    ]);
  });

  it("reads formats by Russian name or code", () => {
    expect(formatFromText("круглый стол")).toBe("ROUND_TABLE");
    expect(formatFromText("Панельная дискуссия")).toBe("PANEL_DISCUSSION");
    expect(formatFromText("plenary")).toBe("PLENARY");
    expect(formatFromText("Танцы")).toBeNull();
  });
});

describe("parseProgrammeTable", () => {
  it("reads a good file", () => {
    const { rows, fileErrors } = parseProgrammeTable([
      HEADER,
      row(),
      row({ Код: "abc", Название: "Другая", Мест: "" }),
    ]);
    expect(fileErrors).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      line: 2,
      code: null,
      day: "2025-08-25",
      start: "10:00",
      end: "11:30",
      trackCode: "quality",
      format: "ROUND_TABLE",
      title: "Демоэкзамен",
      description: "",
      roomName: "Зал «Ока»",
      capacity: 60,
      isClosed: false,
      bookingRequired: true,
      moderators: ["Иванова Мария"],
      speakers: ["Петров Иван", "Сидорова Анна"],
      errors: [],
    });
    expect(rows[1]).toMatchObject({ code: "abc", capacity: null, errors: [] });
  });

  it("refuses a file without the required columns, and names them", () => {
    const { rows, fileErrors } = parseProgrammeTable([
      ["Название", "Дата проведения", "Зал"],
      ["x", "y", "z"],
    ]);
    expect(rows).toEqual([]);
    expect(fileErrors).toEqual(["Нет обязательных столбцов: День, Начало, Окончание, Формат."]);
  });

  it("refuses a column given twice, notes unknown columns and skips the export's extra ones", () => {
    expect(parseProgrammeTable([[...HEADER, "Название"]]).fileErrors).toEqual([
      "Столбец «Название» встречается дважды.",
    ]);
    const parsed = parseProgrammeTable([
      [...HEADER, "Статус", "Записано", "Комментарий"],
      [...row(), "черновик", "0", "x"],
    ]);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.notes).toEqual(["Неизвестные столбцы будут пропущены: Комментарий."]);
  });

  it("accepts headers with hints and in another order", () => {
    const header = ["Название*", "День (ДД.ММ.ГГГГ)", "Формат", "Окончание", "Начало"];
    const { rows, fileErrors } = parseProgrammeTable([header, ["Сессия", "26.08.2025", "PLENARY", "12:00", "10:00"]]);
    expect(fileErrors).toEqual([]);
    expect(rows[0]).toMatchObject({
      title: "Сессия",
      day: "2025-08-26",
      start: "10:00",
      end: "12:00",
      format: "PLENARY",
    });
  });

  it("explains bad dates, times, formats, numbers and flags row by row", () => {
    const { rows } = parseProgrammeTable([
      HEADER,
      row({ День: "32.08.2025", Начало: "25:00", Формат: "Танцы", Мест: "много", Закрытое: "может быть" }),
      row({ Название: "", Окончание: "" }),
    ]);
    expect(rows[0]?.errors).toEqual([
      "День «32.08.2025» не похож на дату ДД.ММ.ГГГГ.",
      "Начало: «25:00» не похоже на время ЧЧ:ММ.",
      expect.stringMatching(/^Неизвестный формат «Танцы»\. Возможные: Пленарное заседание, /),
      "Мест: «много» — нужно целое число от 0 до 10000 или пусто.",
      "Закрытое: «может быть» — нужно «да» или «нет».",
    ]);
    expect(rows[1]?.errors).toEqual(["Не заполнено: Окончание.", "Не заполнено: Название."]);
  });

  it("finds duplicate rows and duplicate codes", () => {
    const { rows } = parseProgrammeTable([
      HEADER,
      row(),
      [],
      row({ Название: "демоэкзамен " }),
      row({ Код: "s1", Название: "А" }),
      row({ Код: "s1", Название: "Б" }),
    ]);
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [4, ["Повторяет строку 2."]],
      [5, []],
      [6, ["Код «s1» уже был в строке 5."]],
    ]);
  });
});

describe("CSV", () => {
  it("writes UTF-8 with a BOM and semicolons, quoting what needs it, and reads it back", () => {
    const rows = [
      ["Название", "Описание"],
      ["Сессия; «Кадры»", 'Строка 1\nСтрока 2 "в кавычках"'],
      ["=HYPERLINK(1)", "- пункт списка"],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith("\uFEFFНазвание;Описание\r\n")).toBe(true);
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(parseCsv(csv)).toEqual(rows);
  });

  it("reads comma- and tab-separated files and Windows-1251", () => {
    expect(parseCsv('a,b\r\n"1,5",2')).toEqual([
      ["a", "b"],
      ["1,5", "2"],
    ]);
    expect(parseCsv("a\tb\n1\t2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    const cp1251 = Uint8Array.from([0xc4, 0xe5, 0xed, 0xfc, 0x3b, 0xc7, 0xe0, 0xeb]); // «День;Зал»
    expect(decodeText(cp1251)).toBe("День;Зал");
    expect(decodeText(new TextEncoder().encode("\uFEFFДень"))).toBe("День");
  });
});

describe("XLSX", () => {
  it("round-trips the template and turns Excel dates and times into text", async () => {
    const template = templateRows({
      day: "2025-08-25",
      start: "15:00",
      end: "16:30",
      trackCode: "quality",
      roomName: "Зал «Ока»",
      capacity: 60,
    });
    const bytes = await writeXlsx([{ name: "Программа", header: template[0]!, rows: template.slice(1) }]);
    const table = await readXlsx(bytes);
    expect(table[0]).toEqual(HEADER);
    const parsed = parseProgrammeTable(table);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ day: "2025-08-25", start: "15:00", format: "ROUND_TABLE", capacity: 60 });
    expect(cellText(new Date(Date.UTC(2025, 7, 25)))).toBe("25.08.2025");
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 9, 30)))).toBe("09:30");
    expect(cellText({ richText: [{ text: "Жир" }, { text: "ный" }] })).toBe("Жирный");
  });

  it("exports a session as a row the import reads back", () => {
    const session = {
      id: "s1",
      startsAt: zonedTimeToUtc("2025-08-26", "10:00", "Europe/Moscow"),
      endsAt: zonedTimeToUtc("2025-08-26", "11:30", "Europe/Moscow"),
      format: "PANEL_DISCUSSION" as const,
      title: "Кадры",
      description: "- пункт",
      capacity: null,
      isClosed: false,
      bookingRequired: true,
      status: "PUBLISHED",
      bookedCount: 3,
      waitlistCount: 0,
      track: { code: "quality" },
      room: { name: "Зал «Ока»" },
      moderators: ["Иванова Мария"],
      speakers: ["Петров Иван", "Сидорова Анна"],
    };
    const csv = toCsv([exportHeader(), programmeRow(session, "Europe/Moscow")]);
    const parsed = parseProgrammeTable(parseCsv(csv));
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      code: "s1",
      day: "2025-08-26",
      start: "10:00",
      end: "11:30",
      format: "PANEL_DISCUSSION",
      description: "- пункт",
      capacity: null,
      speakers: ["Петров Иван", "Сидорова Анна"],
      errors: [],
    });
  });
});
