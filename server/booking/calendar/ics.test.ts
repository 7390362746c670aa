import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";
import { buildCalendar, hasVtimezone, type IcsEvent } from "~/server/booking/calendar/ics";
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
    sequence: 4,
    modifiedAt: new Date("2025-07-01T10:00:00Z"),
    categories: ["Технологический суверенитет", "Кадры, рынок труда"],
  },
  {
    uid: "s1@forum-spo",
    startsAt: msk("2025-08-25", "10:00"),
    endsAt: msk("2025-08-25", "12:00"),
    summary: "Отменено: Пленарное заседание",
    status: "CANCELLED",
    sequence: 2,
    modifiedAt: new Date("2025-07-02T10:00:00Z"),
  },
];

/** Parses with ical.js (an independent RFC 5545 parser) and registers the file's own VTIMEZONEs. */
function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return comp;
}

const physicalLines = (text: string) => text.split("\r\n").slice(0, -1);

describe("buildCalendar: the file as bytes", () => {
  const text = buildCalendar({ name: "Форум СПО — программа", timeZone: "Europe/Moscow", events, refreshMinutes: 60 });

  it("uses CRLF everywhere and no physical line longer than 75 octets", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(text)) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).toContain("METHOD:PUBLISH\r\n");
    expect(text).toContain("X-WR-TIMEZONE:Europe/Moscow\r\n");
    expect(text).toContain("DTSTART;TZID=Europe/Moscow:20250825T123000\r\n");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
  });

  it("writes DTSTAMP and LAST-MODIFIED in UTC, as RFC 5545 requires", () => {
    expect(text).toContain("DTSTAMP:20250701T100000Z\r\n");
    expect(text).toContain("LAST-MODIFIED:20250702T100000Z\r\n");
  });

  it("folds long Cyrillic and emoji lines without cutting a character", () => {
    const cal = buildCalendar({
      name: "x",
      timeZone: "Europe/Moscow",
      events: [{ ...events[1]!, summary: "Ж".repeat(120), description: `${"a".repeat(61)}${"🎓".repeat(10)}` }],
    });
    const lines = physicalLines(cal);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      // A cut inside a multi-byte character would not survive a round trip through bytes.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toContain("\uFFFD");
    }
    expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(2);
    const event = new ICAL.Event(parse(cal).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("Ж".repeat(120));
    expect(event.description).toBe(`${"a".repeat(61)}${"🎓".repeat(10)}`);
  });
});

describe("buildCalendar: round trip through ical.js", () => {
  const text = buildCalendar({ name: "Форум СПО — программа", timeZone: "Europe/Moscow", events, refreshMinutes: 60 });

  it("has the calendar's name, method and a VTIMEZONE for Europe/Moscow at UTC+3", () => {
    const comp = parse(text);
    expect(comp.getFirstPropertyValue("x-wr-calname")).toBe("Форум СПО — программа");
    expect(comp.getFirstPropertyValue("method")).toBe("PUBLISH");
    const tzs = comp.getAllSubcomponents("vtimezone");
    expect(tzs).toHaveLength(1);
    expect(tzs[0]!.getFirstPropertyValue("tzid")).toBe("Europe/Moscow");
    expect(tzs[0]!.getFirstSubcomponent("standard")?.getFirstPropertyValue("tzoffsetto")?.toString()).toBe("+03:00");
  });

  it("keeps stable UIDs, SEQUENCE from the revision, status, text and TZID times", () => {
    const vevents = parse(text).getAllSubcomponents("vevent");
    expect(vevents).toHaveLength(2);
    // In time order: the cancelled plenary at 10:00 first.
    const [first, second] = vevents.map((v) => new ICAL.Event(v));
    expect(first!.uid).toBe("s1@forum-spo");
    expect(first!.sequence).toBe(2);
    expect(vevents[0]!.getFirstPropertyValue("status")).toBe("CANCELLED");

    expect(second!.uid).toBe("s2@forum-spo");
    expect(second!.sequence).toBe(4);
    expect(second!.summary).toBe(longTitle);
    expect(second!.description).toBe(events[0]!.description);
    expect(second!.location).toBe("Зал «Циолковский», 2 этаж");
    expect(vevents[1]!.getFirstPropertyValue("url")).toBe("https://forum-spo.example/sessions/s2");
    expect(vevents[1]!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevents[1]!.getFirstProperty("categories")!.getValues()).toEqual([
      "Технологический суверенитет",
      "Кадры, рынок труда",
    ]);

    const start = vevents[1]!.getFirstProperty("dtstart")!;
    expect(start.getParameter("tzid")).toBe("Europe/Moscow");
    expect(second!.startDate.zone?.tzid).toBe("Europe/Moscow");
    expect(second!.startDate.toJSDate().toISOString()).toBe("2025-08-25T09:30:00.000Z");
    expect(second!.endDate.toJSDate().toISOString()).toBe("2025-08-25T11:00:00.000Z");
    expect(vevents[1]!.getFirstPropertyValue("dtstamp")?.toString()).toBe("2025-07-01T10:00:00Z");
  });

  it("gives the same file whatever the server's own time zone is", () => {
    // Node applies a new TZ at once, so the wall-clock getters below this line run in New York.
    vi.stubEnv("TZ", "America/New_York");
    try {
      expect(new Date("2025-08-25T07:00:00Z").getHours()).toBe(3);
      const elsewhere = buildCalendar({
        name: "Форум СПО — программа",
        timeZone: "Europe/Moscow",
        events,
        refreshMinutes: 60,
      });
      expect(elsewhere).toBe(text);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("buildCalendar: other zones", () => {
  it("describes a zone with daylight saving time, so both sides of the change come out right", () => {
    const berlin = (iso: string) => new Date(iso);
    const text = buildCalendar({
      name: "x",
      timeZone: "Europe/Berlin",
      events: [
        // Before and after the change of 26 October 2025 (03:00 CEST → 02:00 CET).
        { ...events[1]!, uid: "a", startsAt: berlin("2025-10-25T08:00:00Z"), endsAt: berlin("2025-10-25T09:00:00Z") },
        { ...events[1]!, uid: "b", startsAt: berlin("2025-10-27T09:00:00Z"), endsAt: berlin("2025-10-27T10:00:00Z") },
      ],
    });
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20251025T100000\r\n");
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20251027T100000\r\n");
    const comp = parse(text);
    expect(comp.getFirstSubcomponent("vtimezone")?.getAllSubcomponents("daylight")).toHaveLength(1);
    const [a, b] = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(a!.startDate.toJSDate().toISOString()).toBe("2025-10-25T08:00:00.000Z");
    expect(b!.startDate.toJSDate().toISOString()).toBe("2025-10-27T09:00:00.000Z");
  });

  it("writes UTC times for a zone it has no VTIMEZONE for", () => {
    expect(hasVtimezone("Europe/Moscow")).toBe(true);
    expect(hasVtimezone("Mars/Olympus_Mons")).toBe(false);
    const utc = buildCalendar({ name: "x", timeZone: "Mars/Olympus_Mons", events: [events[1]!] });
    expect(utc).not.toContain("BEGIN:VTIMEZONE");
    expect(utc).not.toContain("TZID");
    expect(utc).toContain("DTSTART:20250825T070000Z");
    expect(new ICAL.Event(parse(utc).getFirstSubcomponent("vevent")!).startDate.toJSDate().toISOString()).toBe(
      "2025-08-25T07:00:00.000Z",
    );
  });
});
