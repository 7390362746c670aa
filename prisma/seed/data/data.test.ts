import { describe, expect, it } from "vitest";
import { demoEdition, demoEditionDays } from "./edition";
import { speakers, sessions } from "./programme";
import { federalDistrictNames, regions } from "./regions";
import { rooms } from "./rooms";
import { tracks } from "./tracks";
import type { FederalDistrictCode, SessionFormatCode, SessionSeed } from "./types";

const districts: FederalDistrictCode[] = [
  "CENTRAL",
  "NORTHWESTERN",
  "SOUTHERN",
  "NORTH_CAUCASIAN",
  "VOLGA",
  "URAL",
  "SIBERIAN",
  "FAR_EASTERN",
];
const formats: SessionFormatCode[] = [
  "PLENARY",
  "PARTNERSHIP_SESSION",
  "PROJECT_SESSION",
  "ROUND_TABLE",
  "PANEL_DISCUSSION",
  "MEETING",
];

function minutes(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`bad time ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function overlaps(a: SessionSeed, b: SessionSeed): boolean {
  return a.day === b.day && minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end);
}

/** WCAG 2 contrast ratio of a "#rrggbb" colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

function pairs<T>(items: T[]): [T, T][] {
  const out: [T, T][] = [];
  items.forEach((a, i) => items.slice(i + 1).forEach((b) => out.push([a, b])));
  return out;
}

const roomByName = new Map(rooms.map((r) => [r.name, r]));
const speakerKeys = new Set(speakers.map((s) => s.key));
const trackCodes = new Set(tracks.map((t) => t.code));

describe("regions", () => {
  it("lists the 89 subjects with unique two-digit codes, ordered by code", () => {
    expect(regions).toHaveLength(89);
    expect(new Set(regions.map((r) => r.code)).size).toBe(89);
    expect(new Set(regions.map((r) => r.name)).size).toBe(89);
    for (const r of regions) expect(r.code).toMatch(/^\d{2}$/);
    const codes = regions.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
  });

  it("uses every federal district, with the right number of subjects", () => {
    const count = (d: FederalDistrictCode) => regions.filter((r) => r.federalDistrict === d).length;
    expect(districts.map(count)).toEqual([18, 11, 12, 7, 14, 6, 10, 11]);
    expect(Object.keys(federalDistrictNames).sort()).toEqual([...districts].sort());
    for (const d of districts) expect(federalDistrictNames[d]).toMatch(/федеральный округ$/);
  });

  it("has the known codes and districts", () => {
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const expected: [string, string, FederalDistrictCode][] = [
      ["01", "Республика Адыгея", "SOUTHERN"],
      ["03", "Республика Бурятия", "FAR_EASTERN"],
      ["40", "Калужская область", "CENTRAL"],
      ["75", "Забайкальский край", "FAR_EASTERN"],
      ["77", "Москва", "CENTRAL"],
      ["78", "Санкт-Петербург", "NORTHWESTERN"],
      ["90", "Запорожская область", "SOUTHERN"],
      ["91", "Республика Крым", "SOUTHERN"],
      ["92", "Севастополь", "SOUTHERN"],
      ["93", "Донецкая Народная Республика", "SOUTHERN"],
      ["94", "Луганская Народная Республика", "SOUTHERN"],
      ["95", "Херсонская область", "SOUTHERN"],
    ];
    for (const [code, name, district] of expected) {
      expect(byCode.get(code)).toEqual({ code, name, federalDistrict: district });
    }
    for (const gone of ["80", "81", "82", "84", "85", "88"]) expect(byCode.has(gone)).toBe(false);
  });
});

describe("edition", () => {
  it("is the 2025 Kaluga forum, marked as demo", () => {
    expect(demoEdition.slug).toBe("forum-spo-2025");
    expect(demoEdition.city).toBe("Калуга");
    expect(demoEdition.startDate).toBe("2025-08-25");
    expect(demoEdition.endDate).toBe("2025-08-29");
    expect(demoEdition.timeZone).toBe("Europe/Moscow");
    expect(demoEdition.isDemo).toBe(true);
    expect(demoEdition.venue).toMatch(/демо/i);
    expect(demoEditionDays[1]).toBe(demoEdition.startDate);
    expect(demoEditionDays[5]).toBe(demoEdition.endDate);
  });
});

describe("tracks", () => {
  it("has six tracks with unique codes, colours and orders", () => {
    expect(tracks).toHaveLength(6);
    expect(trackCodes.size).toBe(6);
    expect(new Set(tracks.map((t) => t.color.toLowerCase())).size).toBe(6);
    expect(tracks.map((t) => t.order).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    for (const t of tracks) {
      expect(t.code).toMatch(/^[a-z][a-z-]*$/);
      expect(t.title.length).toBeGreaterThan(5);
      expect(t.description.length).toBeGreaterThan(40);
    }
  });

  it("uses colours readable on white (WCAG AA, ≥ 4.5:1)", () => {
    for (const t of tracks) {
      expect(t.color).toMatch(/^#[0-9a-fA-F]{6}$/);
      expect(contrastWithWhite(t.color), `${t.code} ${t.color}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("computes contrast correctly", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#767676")).toBeGreaterThan(4.5);
    expect(contrastWithWhite("#777777")).toBeLessThan(4.5);
  });
});

describe("rooms", () => {
  it("has a plenary hall, halls, rooms and small workshops", () => {
    expect(rooms.length).toBeGreaterThanOrEqual(8);
    expect(rooms.length).toBeLessThanOrEqual(10);
    expect(roomByName.size).toBe(rooms.length);
    const cap = (lo: number, hi: number) => rooms.filter((r) => r.capacity >= lo && r.capacity <= hi).length;
    expect(cap(700, 1000)).toBe(1);
    expect(cap(150, 300)).toBeGreaterThanOrEqual(2);
    expect(cap(40, 100)).toBeGreaterThanOrEqual(3);
    expect(cap(15, 30)).toBeGreaterThanOrEqual(2);
    expect(cap(15, 30)).toBeLessThanOrEqual(3);
    for (const r of rooms) expect(r.floor).not.toBe("");
  });
});

describe("speakers", () => {
  it("has 40–60 speakers with unique keys and full details", () => {
    expect(speakers.length).toBeGreaterThanOrEqual(40);
    expect(speakers.length).toBeLessThanOrEqual(60);
    expect(speakerKeys.size).toBe(speakers.length);
    expect(new Set(speakers.map((s) => s.fullName)).size).toBe(speakers.length);
    for (const s of speakers) {
      expect(s.key).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(s.position).not.toBe("");
      expect(s.organisation).not.toBe("");
      expect(s.bio).not.toBe("");
    }
    const threePart = speakers.filter((s) => s.fullName.split(" ").length === 3);
    expect(threePart.length).toBeGreaterThanOrEqual(speakers.length - 3);
  });
});

describe("sessions", () => {
  it("has at least 85 sessions with unique kebab-case keys", () => {
    expect(sessions.length).toBeGreaterThanOrEqual(85);
    expect(new Set(sessions.map((s) => s.key)).size).toBe(sessions.length);
    for (const s of sessions) expect(s.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("keeps every session within one day, 08:00–21:00, end after start", () => {
    for (const s of sessions) {
      expect([1, 2, 3, 4, 5]).toContain(s.day);
      expect(minutes(s.start), s.key).toBeGreaterThanOrEqual(8 * 60);
      expect(minutes(s.end), s.key).toBeLessThanOrEqual(21 * 60);
      expect(minutes(s.end), s.key).toBeGreaterThan(minutes(s.start));
    }
  });

  it("references existing tracks, rooms and speakers", () => {
    for (const s of sessions) {
      if (s.trackCode !== null) expect(trackCodes.has(s.trackCode), s.key).toBe(true);
      expect(roomByName.has(s.roomName), `${s.key}: ${s.roomName}`).toBe(true);
      expect(formats).toContain(s.format);
      for (const sp of s.speakers) expect(speakerKeys.has(sp.key), `${s.key}: ${sp.key}`).toBe(true);
    }
  });

  it("has one moderator and up to five speakers (more on plenaries), no one twice", () => {
    for (const s of sessions) {
      expect(
        s.speakers.filter((p) => p.role === "MODERATOR"),
        s.key,
      ).toHaveLength(1);
      const n = s.speakers.filter((p) => p.role === "SPEAKER").length;
      if (s.format === "PLENARY") expect(n, s.key).toBeGreaterThan(5);
      else expect(n, s.key).toBeLessThanOrEqual(5);
      expect(new Set(s.speakers.map((p) => p.key)).size, s.key).toBe(s.speakers.length);
    }
  });

  it("uses every speaker at least once", () => {
    const used = new Set(sessions.flatMap((s) => s.speakers.map((p) => p.key)));
    expect(speakers.filter((s) => !used.has(s.key)).map((s) => s.key)).toEqual([]);
  });

  it("never puts two overlapping sessions in one room", () => {
    const clashes = pairs(sessions)
      .filter(([a, b]) => a.roomName === b.roomName && overlaps(a, b))
      .map(([a, b]) => `${a.key} × ${b.key}`);
    expect(clashes).toEqual([]);
  });

  it("never puts a speaker or moderator in two overlapping sessions", () => {
    const clashes: string[] = [];
    for (const [a, b] of pairs(sessions)) {
      if (!overlaps(a, b)) continue;
      const inA = new Set(a.speakers.map((p) => p.key));
      for (const p of b.speakers) if (inA.has(p.key)) clashes.push(`${p.key}: ${a.key} × ${b.key}`);
    }
    expect(clashes).toEqual([]);
  });

  it("keeps capacity within the room", () => {
    for (const s of sessions) {
      const room = roomByName.get(s.roomName);
      if (s.capacity === null) continue;
      expect(s.capacity, s.key).toBeGreaterThan(0);
      expect(s.capacity, s.key).toBeLessThanOrEqual(room?.capacity ?? 0);
    }
    const small = sessions.filter((s) => s.capacity !== null && s.capacity >= 10 && s.capacity <= 30);
    expect(small.length).toBeGreaterThanOrEqual(5);
    expect(small.some((s) => (roomByName.get(s.roomName)?.capacity ?? 0) <= 30)).toBe(true);
    expect(sessions.some((s) => s.capacity === null)).toBe(true);
    expect(sessions.some((s) => (s.capacity ?? 0) >= 250)).toBe(true);
  });

  it("uses every format", () => {
    for (const f of formats)
      expect(
        sessions.some((s) => s.format === f),
        f,
      ).toBe(true);
  });

  it("opens with a plenary on day 1 and closes with one on day 5", () => {
    const plenaries = sessions.filter((s) => s.format === "PLENARY");
    expect(plenaries.some((s) => s.day === 1 && s.trackCode === null)).toBe(true);
    expect(plenaries.some((s) => s.day === 5)).toBe(true);
    const day1 = sessions.filter((s) => s.day === 1).sort((a, b) => minutes(a.start) - minutes(b.start));
    expect(day1[0]?.format).toBe("PLENARY");
  });

  it("holds exactly one closed August meeting on day 2 in the plenary hall", () => {
    const meetings = sessions.filter((s) => s.format === "MEETING");
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0]!;
    expect(meeting.day).toBe(2);
    expect(meeting.isClosed).toBe(true);
    expect(meeting.trackCode).toBeNull();
    const biggest = [...rooms].sort((a, b) => b.capacity - a.capacity)[0]!;
    expect(meeting.roomName).toBe(biggest.name);
    expect(meeting.capacity).toBe(200);
    for (const topic of ["прогноз", "качеств", "профориентац", "партнёрск"]) {
      expect(meeting.description.toLowerCase()).toContain(topic);
    }
    expect(sessions.filter((s) => s.isClosed)).toEqual([meeting]);
    const inHallMeanwhile = sessions.filter(
      (s) => s !== meeting && s.roomName === meeting.roomName && overlaps(s, meeting),
    );
    expect(inHallMeanwhile).toEqual([]);
  });

  it("gives every track sessions on at least four days, and runs tracks in parallel", () => {
    for (const t of tracks) {
      const days = new Set(sessions.filter((s) => s.trackCode === t.code).map((s) => s.day));
      expect(days.size, t.code).toBeGreaterThanOrEqual(4);
    }
    const slots = new Map<string, SessionSeed[]>();
    for (const s of sessions) {
      const k = `${s.day} ${s.start}-${s.end}`;
      slots.set(k, [...(slots.get(k) ?? []), s]);
    }
    const busy = [...slots.values()].filter((list) => new Set(list.map((s) => s.trackCode)).size >= 5);
    expect(busy.length).toBeGreaterThanOrEqual(10);
  });

  it("has plain descriptions of 2–4 sentences", () => {
    for (const s of sessions) {
      expect(s.description, s.key).toBe(s.description.trim());
      expect(s.description, s.key).not.toMatch(/[<>*_#\t]/);
      for (const paragraph of s.description.split("\n\n")) {
        expect(paragraph, s.key).not.toBe("");
        expect(paragraph, s.key).toBe(paragraph.trim());
        expect(paragraph, s.key).not.toContain("\n");
      }
      const sentences = s.description.split(/(?<=[.!?])\s+/).filter((x) => x.trim() !== "");
      expect(sentences.length, s.key).toBeGreaterThanOrEqual(2);
      expect(sentences.length, s.key).toBeLessThanOrEqual(4);
    }
  });

  it("keeps the searchable words used by e2e tests where they are", () => {
    const hits = (word: string) =>
      sessions
        .filter((s) => s.title.toLowerCase().includes(word))
        .map((s) => s.key)
        .sort();
    expect(hits("робототехника")).toEqual([
      "d1-sovereignty-robot-workshop",
      "d2-sovereignty-robotics-automation",
      "d3-sovereignty-robotics-lesson",
    ]);
    expect(sessions.filter((s) => s.title.includes("Робототехника")).map((s) => s.key)).toEqual([
      "d2-sovereignty-robotics-automation",
    ]);
    // No description or other title mentions the word, so search results are exactly these three.
    const elsewhere = sessions.filter(
      (s) => s.description.toLowerCase().includes("робототехник") && !s.title.toLowerCase().includes("робототехника"),
    );
    expect(elsewhere).toEqual([]);
    expect(hits("зелёная")).toEqual(["d3-sovereignty-green-chemistry"]);
  });

  it("has a day-1 session for the e2e speaker", () => {
    const speaker = speakers.find((s) => s.fullName === "Верховская Нина Аркадьевна");
    expect(speaker).toBeDefined();
    const s = sessions.find((x) => x.title === "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация");
    expect(s?.day).toBe(1);
    expect(s?.speakers.some((p) => p.key === speaker?.key)).toBe(true);
  });
});
