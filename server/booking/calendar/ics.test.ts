import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  buildCalendar,
  escapeText,
  foldLine,
  formatLocal,
  formatUtc,
  sequenceOf,
  type IcsEvent,
} from "~/server/booking/calendar/ics";
import { zonedTimeToUtc } from "~/server/programme/time";

const msk = (day: string, time: string) => zonedTimeToUtc(day, time, "Europe/Moscow");

const longTitle =
  "Кадры для технологического суверенитета: что нужно промышленности к 2030 году, и как колледжам успеть";

const events: IcsEvent[] = [
  {
    uid: "s2@forum-spo",
    startsAt: msk("2025-08-25", "12:30"),
    endsAt: msk("2025-08-25", "14:00"),
    summary: longTitle,
    description: "Модератор: Громов; спикеры: Полякова, Зайцева\nВторая строка \\ с обратной чертой",
    location: "Зал «Циолковский», 2 этаж",
    url: "https://forum-spo.example/sessions/s2",
    status: "CONFIRMED",
    modifiedAt: new Date("2025-07-01T10:00:00Z"),
    categories: ["Технологический суверенитет"],
  },
  {
    uid: "s1@forum-spo",
    startsAt: msk("2025-08-25", "10:00"),
    endsAt: msk("2025-08-25", "12:00"),
    summary: "Отменено: Пленарное заседание",
    status: "CANCELLED",
    modifiedAt: new Date("2025-07-02T10:00:00Z"),
  },
];

describe("text and dates", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
  it("writes UTC and Moscow wall-clock times", () => {
    const d = msk("2025-08-25", "10:00");
    expect(formatUtc(d)).toBe("20250825T070000Z");
    expect(formatLocal(d, "Europe/Moscow")).toBe("20250825T100000");
  });
  it("derives an increasing SEQUENCE from the last change", () => {
    const a = sequenceOf(new Date("2025-07-01T10:00:00Z"));
    expect(sequenceOf(new Date("2025-07-01T10:00:01Z"))).toBe(a + 1);
    expect(a).toBeLessThan(2 ** 31);
  });
});

describe("foldLine", () => {
  it("leaves short lines alone", () => {
    expect(foldLine("SUMMARY:Короткая")).toBe("SUMMARY:Короткая");
  });

  it("folds long Cyrillic lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"Ж".repeat(120)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(2);
    for (const [i, p] of physical.entries()) {
      expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(" ")).toBe(true);
      // A cut inside a two-byte character would leave U+FFFD after a round trip through bytes.
      expect(Buffer.from(p, "utf8").toString("utf8")).toBe(p);
      expect(p).not.toContain("\uFFFD");
    }
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });

  it("never cuts a four-byte character (emoji) either", () => {
    const line = `DESCRIPTION:${"a".repeat(61)}${"🎓".repeat(10)}`;
    const physical = foldLine(line).split("\r\n");
    for (const p of physical) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
  });
});

describe("buildCalendar", () => {
  const text = buildCalendar({ name: "Форум СПО — программа", timeZone: "Europe/Moscow", events, refreshMinutes: 60 });

  it("uses CRLF everywhere and no physical line longer than 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).toContain("METHOD:PUBLISH\r\n");
    expect(text).toContain("X-WR-TIMEZONE:Europe/Moscow\r\n");
    expect(text).toContain("DTSTART;TZID=Europe/Moscow:20250825T123000\r\n");
  });

  it("round-trips through ical.js: events, TZID, UID, status, text", () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    expect(comp.getFirstPropertyValue("x-wr-calname")).toBe("Форум СПО — программа");
    expect(comp.getFirstPropertyValue("method")).toBe("PUBLISH");
    const tz = comp.getFirstSubcomponent("vtimezone");
    expect(tz?.getFirstPropertyValue("tzid")).toBe("Europe/Moscow");
    ICAL.TimezoneService.register(tz!);

    const vevents = comp.getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(2);
    // In time order: the cancelled plenary at 10:00 first.
    const [first, second] = vevents.map((v) => new ICAL.Event(v));
    expect(first!.uid).toBe("s1@forum-spo");
    expect(vevents[0]!.getFirstPropertyValue("status")).toBe("CANCELLED");

    expect(second!.uid).toBe("s2@forum-spo");
    expect(second!.summary).toBe(longTitle);
    expect(second!.description).toBe(events[0]!.description);
    expect(second!.location).toBe("Зал «Циолковский», 2 этаж");
    expect(vevents[1]!.getFirstPropertyValue("url")).toBe("https://forum-spo.example/sessions/s2");
    expect(vevents[1]!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(second!.sequence).toBe(sequenceOf(events[0]!.modifiedAt));

    const start = vevents[1]!.getFirstProperty("dtstart")!;
    expect(start.getParameter("tzid")).toBe("Europe/Moscow");
    expect(second!.startDate.toJSDate().toISOString()).toBe("2025-08-25T09:30:00.000Z");
    expect(second!.endDate.toJSDate().toISOString()).toBe("2025-08-25T11:00:00.000Z");
    expect(second!.startDate.zone?.tzid).toBe("Europe/Moscow");
  });

  it("writes UTC times for a zone it has no VTIMEZONE for", () => {
    const utc = buildCalendar({ name: "x", timeZone: "Asia/Yekaterinburg", events: [events[1]!] });
    expect(utc).not.toContain("BEGIN:VTIMEZONE");
    expect(utc).toContain("DTSTART:20250825T070000Z");
  });
});
