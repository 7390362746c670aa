import { describe, expect, it, vi } from "vitest";
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
    expect(zoneLabel(MSK, new Date("2025-08-25T07:00:00Z"), "МСК")).toBe("МСК");
    expect(zoneLabel("Asia/Yekaterinburg", new Date("2025-08-25T07:00:00Z"), "МСК")).toBe("UTC+5");
    expect(zoneLabel("Asia/Kolkata", new Date("2025-08-25T07:00:00Z"), "МСК")).toBe("UTC+5:30");
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

describe("a zone with daylight saving time (Europe/Berlin, 2025)", () => {
  const BER = "Europe/Berlin";

  it("has a 23-hour day in spring and a 25-hour day in autumn", () => {
    const spring = zonedDayRange("2025-03-30", BER);
    expect(spring.from.toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(spring.to.toISOString()).toBe("2025-03-30T22:00:00.000Z");
    const autumn = zonedDayRange("2025-10-26", BER);
    expect(autumn.from.toISOString()).toBe("2025-10-25T22:00:00.000Z");
    expect(autumn.to.toISOString()).toBe("2025-10-26T23:00:00.000Z");
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(25);
  });

  it("moves a time in the spring gap forward, and takes the later of a doubled autumn time", () => {
    // 02:30 does not exist on 30 March (02:00 → 03:00): it becomes 03:30 CEST.
    const gap = zonedTimeToUtc("2025-03-30", "02:30", BER);
    expect(gap.toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(formatZonedTime(gap, BER)).toBe("03:30");
    // 02:30 happens twice on 26 October (03:00 CEST → 02:00 CET): the second, in CET.
    expect(zonedTimeToUtc("2025-10-26", "02:30", BER).toISOString()).toBe("2025-10-26T01:30:00.000Z");
  });

  it("reads wall clocks and offsets on both sides of the change", () => {
    expect(zoneOffsetMinutes(new Date("2025-10-26T00:59:00Z"), BER)).toBe(120);
    expect(zoneOffsetMinutes(new Date("2025-10-26T01:00:00Z"), BER)).toBe(60);
    expect(formatZonedTime(new Date("2025-10-26T00:30:00Z"), BER)).toBe("02:30");
    expect(formatZonedTime(new Date("2025-10-26T01:30:00Z"), BER)).toBe("02:30");
    expect(zoneLabel(BER, new Date("2025-07-01T12:00:00Z"), "МСК")).toBe("UTC+2");
    expect(zoneLabel(BER, new Date("2025-12-01T12:00:00Z"), "МСК")).toBe("UTC+1");
  });

  it("lists the days of an edition across the change", () => {
    const startsAt = zonedTimeToUtc("2025-10-25", "00:00", BER);
    const endsAt = zonedTimeToUtc("2025-10-28", "00:00", BER);
    expect(editionDayKeys(startsAt, endsAt, BER)).toEqual(["2025-10-25", "2025-10-26", "2025-10-27"]);
  });
});

describe("early morning in Moscow", () => {
  it("keeps 00:00–03:00 Moscow time on the Moscow day, which is the previous UTC day", () => {
    const night = zonedTimeToUtc("2025-08-28", "01:30", MSK);
    expect(night.toISOString()).toBe("2025-08-27T22:30:00.000Z");
    expect(night.getUTCDate()).toBe(27);
    expect(zonedDayKey(night, MSK)).toBe("2025-08-28");
    const { from, to } = zonedDayRange("2025-08-28", MSK);
    expect(night >= from && night < to).toBe(true);
    expect(zonedDayKey(zonedTimeToUtc("2025-08-28", "00:00", MSK), MSK)).toBe("2025-08-28");
    expect(zonedDayKey(new Date(zonedTimeToUtc("2025-08-28", "00:00", MSK).getTime() - 1), MSK)).toBe("2025-08-27");
  });
});

describe("the server's own time zone", () => {
  it("changes nothing", () => {
    vi.stubEnv("TZ", "America/Los_Angeles");
    try {
      expect(new Date("2025-08-25T07:00:00Z").getHours()).toBe(0);
      expect(zonedTimeToUtc("2025-08-25", "10:00", MSK).toISOString()).toBe("2025-08-25T07:00:00.000Z");
      expect(formatZonedTime(new Date("2025-08-27T22:30:00Z"), MSK)).toBe("01:30");
      expect(zonedDayKey(new Date("2025-08-27T22:30:00Z"), MSK)).toBe("2025-08-28");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("unknown zones", () => {
  it("are a RangeError, not a wrong time", () => {
    expect(() => zonedTimeToUtc("2025-08-25", "10:00", "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => zonedDayKey(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
