import { describe, expect, it } from "vitest";
import {
  buildSessionSearchText,
  foldForSearch,
  groupBySlot,
  normaliseQuery,
  parseProgrammeFilters,
  PROGRAMME_PAGE_SIZE,
  programmePage,
  programmeQuery,
  searchTerms,
} from "~/server/programme/rules";

const days = ["2025-08-25", "2025-08-26", "2025-08-27", "2025-08-28", "2025-08-29"];
const trackCodes = ["sovereignty", "quality"];

describe("parseProgrammeFilters", () => {
  it("reads valid filters", () => {
    expect(
      parseProgrammeFilters(
        { day: "2025-08-26", track: "quality", format: "ROUND_TABLE", q: "  робот  " },
        { days, trackCodes },
      ),
    ).toEqual({ day: "2025-08-26", track: "quality", format: "ROUND_TABLE", q: "робот" });
  });

  it("drops unknown or malformed values instead of failing", () => {
    expect(
      parseProgrammeFilters({ day: "2025-09-01", track: "nope", format: "DANCE", q: undefined }, { days, trackCodes }),
    ).toEqual({ day: "2025-08-25", track: null, format: null, q: "" });
    expect(parseProgrammeFilters({ day: "'; drop table", format: "round_table" }, { days, trackCodes })).toMatchObject({
      day: "2025-08-25",
      format: null,
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseProgrammeFilters({ track: ["quality", "sovereignty"] }, { days, trackCodes }).track).toBe("quality");
  });

  it("opens on today when today is a forum day, else on the first day", () => {
    expect(parseProgrammeFilters({}, { days, trackCodes, defaultDay: "2025-08-27" }).day).toBe("2025-08-27");
    expect(parseProgrammeFilters({}, { days, trackCodes, defaultDay: "2026-11-22" }).day).toBe("2025-08-25");
  });

  it("caps the search length", () => {
    expect(parseProgrammeFilters({ q: "а".repeat(500) }, { days, trackCodes }).q).toHaveLength(100);
  });
});

describe("programmeQuery", () => {
  it("round-trips through the parser and leaves out empty values", () => {
    const filters = { day: "2025-08-27", track: "sovereignty", format: "PLENARY" as const, q: "кадры для атома" };
    const qs = programmeQuery(filters);
    const parsed = parseProgrammeFilters(Object.fromEntries(new URLSearchParams(qs.slice(1))), { days, trackCodes });
    expect(parsed).toEqual(filters);
    expect(programmeQuery({ day: "2025-08-25", track: null, q: "" })).toBe("?day=2025-08-25");
    expect(programmeQuery({})).toBe("");
  });
});

describe("search folding", () => {
  it("is case-insensitive for Cyrillic and treats ё as е", () => {
    expect(foldForSearch("Ёлкин  ПЁТР Робототехника")).toBe("елкин петр робототехника");
  });

  it("splits queries into terms that all must match", () => {
    expect(searchTerms("  Робот   КЛАСТЕР ")).toEqual(["робот", "кластер"]);
    expect(searchTerms("   ")).toEqual([]);
    expect(normaliseQuery(" a \n b ")).toBe("a b");
  });

  it("builds the stored search text from title, description and people", () => {
    const text = buildSessionSearchText({ title: "Кадры", description: "Про ЁМКОСТЬ", people: ["Иванова Анна"] });
    for (const term of searchTerms("кадры емкость иванова")) expect(text).toContain(term);
  });
});

describe("groupBySlot", () => {
  const at = (iso: string) => new Date(iso);

  it("groups by start time in time order, keeping the given order within a slot", () => {
    const items = [
      { id: "c", startsAt: at("2025-08-25T11:00:00Z") },
      { id: "a", startsAt: at("2025-08-25T07:00:00Z") },
      { id: "b", startsAt: at("2025-08-25T07:00:00Z") },
    ];
    const slots = groupBySlot(items, "Europe/Moscow");
    expect(slots.map((s) => s.label)).toEqual(["10:00", "14:00"]);
    expect(slots[0]?.items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(slots[1]?.items.map((i) => i.id)).toEqual(["c"]);
  });

  it("gives no slots for no sessions", () => {
    expect(groupBySlot([], "Europe/Moscow")).toEqual([]);
  });
});

describe("programmePage", () => {
  it("keeps the asked page within the pages there are, the first for anything else", () => {
    expect(programmePage(undefined, 0)).toEqual({ page: 1, pageCount: 1 });
    expect(programmePage("2", PROGRAMME_PAGE_SIZE * 2 + 1)).toEqual({ page: 2, pageCount: 3 });
    expect(programmePage("9", PROGRAMME_PAGE_SIZE + 1)).toEqual({ page: 2, pageCount: 2 });
    for (const bad of ["0", "-1", "x", "1e3", ["2", "3"], "99999"]) {
      expect(programmePage(bad, PROGRAMME_PAGE_SIZE * 5).page).toBe(1);
    }
  });
});
