import { describe, expect, it } from "vitest";
import {
  editionDayKeys,
  formatZonedTime,
  isDayKey,
  zoneLabel,
  zoneOffsetMinutes,
  zonedDayKey,
  zonedDayRange,
  zonedTimeToUtc,
} from "~/server/programme/time";

const MSK = "Europe/Moscow";

describe("zonedTimeToUtc", () => {
  it("turns Moscow wall-clock time into UTC (UTC+3 all year)", () => {
    expect(zonedTimeToUtc("2025-08-25", "10:00", MSK).toISOString()).toBe("2025-08-25T07:00:00.000Z");
    expect(zonedTimeToUtc("2025-01-10", "00:00", MSK).toISOString()).toBe("2025-01-09T21:00:00.000Z");
  });

  it("handles zones with daylight saving on both sides of the change", () => {
    expect(zonedTimeToUtc("2025-03-29", "12:00", "Europe/Berlin").toISOString()).toBe("2025-03-29T11:00:00.000Z");
    expect(zonedTimeToUtc("2025-03-31", "12:00", "Europe/Berlin").toISOString()).toBe("2025-03-31T10:00:00.000Z");
  });

  it("rejects malformed days and times", () => {
    expect(() => zonedTimeToUtc("2025-02-30", "10:00", MSK)).toThrow(RangeError);
    expect(() => zonedTimeToUtc("2025-08-25", "24:00", MSK)).toThrow(RangeError);
    expect(() => zonedTimeToUtc("25.08.2025", "10:00", MSK)).toThrow(RangeError);
  });
});

describe("formatting in the forum's zone", () => {
  it("shows UTC instants as Moscow time", () => {
    expect(formatZonedTime(new Date("2025-08-25T07:00:00Z"), MSK)).toBe("10:00");
    expect(formatZonedTime(new Date("2025-08-25T20:59:00Z"), MSK)).toBe("23:59");
  });

  it("puts late UTC evening on the next Moscow day", () => {
    expect(zonedDayKey(new Date("2025-08-25T21:30:00Z"), MSK)).toBe("2025-08-26");
    expect(zonedDayKey(new Date("2025-08-25T20:30:00Z"), MSK)).toBe("2025-08-25");
  });

  it("names the zone", () => {
    expect(zoneLabel(MSK, new Date("2025-08-25T07:00:00Z"))).toBe("МСК");
    expect(zoneLabel("Asia/Yekaterinburg", new Date("2025-08-25T07:00:00Z"))).toBe("UTC+5");
    expect(zoneLabel("Asia/Kolkata", new Date("2025-08-25T07:00:00Z"))).toBe("UTC+5:30");
    expect(zoneOffsetMinutes(new Date("2025-08-25T07:00:00Z"), "America/New_York")).toBe(-240);
  });
});

describe("days", () => {
  it("gives the UTC range of a Moscow day", () => {
    const { from, to } = zonedDayRange("2025-08-26", MSK);
    expect(from.toISOString()).toBe("2025-08-25T21:00:00.000Z");
    expect(to.toISOString()).toBe("2025-08-26T21:00:00.000Z");
  });

  it("lists the five days of the forum", () => {
    const startsAt = zonedTimeToUtc("2025-08-25", "00:00", MSK);
    const endsAt = zonedTimeToUtc("2025-08-30", "00:00", MSK);
    expect(editionDayKeys(startsAt, endsAt, MSK)).toEqual([
      "2025-08-25",
      "2025-08-26",
      "2025-08-27",
      "2025-08-28",
      "2025-08-29",
    ]);
  });

  it("validates day keys", () => {
    expect(isDayKey("2025-08-25")).toBe(true);
    expect(isDayKey("2024-02-29")).toBe(true);
    expect(isDayKey("2025-02-29")).toBe(false);
    expect(isDayKey("2025-8-25")).toBe(false);
  });
});
