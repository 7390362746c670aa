import { describe, expect, it } from "vitest";
import { clashPairs, dayTimeline, overlapMinutes } from "~/server/booking/timeline";

const at = (hhmm: string) => new Date(`2026-08-25T${hhmm}:00Z`);
const s = (id: string, from: string, to: string) => ({ id, startsAt: at(from), endsAt: at(to) });

describe("overlapMinutes", () => {
  it("counts shared minutes, zero for touching or apart", () => {
    expect(overlapMinutes(s("a", "10:00", "11:00"), s("b", "10:30", "12:00"))).toBe(30);
    expect(overlapMinutes(s("a", "10:00", "11:00"), s("b", "11:00", "12:00"))).toBe(0);
    expect(overlapMinutes(s("a", "10:00", "11:00"), s("b", "12:00", "13:00"))).toBe(0);
    expect(overlapMinutes(s("a", "10:00", "13:00"), s("b", "11:00", "12:00"))).toBe(60);
  });
});

describe("dayTimeline", () => {
  it("puts a gap between items apart in time and none between touching ones", () => {
    const items = [s("a", "10:00", "11:00"), s("b", "11:00", "11:30"), s("c", "12:15", "13:00")];
    const entries = dayTimeline(items, (i) => i);
    expect(entries.map((e) => (e.kind === "gap" ? `gap ${e.minutes}` : e.item.id))).toEqual(["a", "b", "gap 45", "c"]);
  });

  it("measures a gap from the latest end so far (a long item covers a short one)", () => {
    const items = [s("long", "10:00", "13:00"), s("short", "10:30", "11:00"), s("next", "13:30", "14:00")];
    const gaps = dayTimeline(items, (i) => i).filter((e) => e.kind === "gap");
    expect(gaps).toEqual([{ kind: "gap", from: at("13:00"), to: at("13:30"), minutes: 30 }]);
  });

  it("lets an item without time (a cancelled session) take none", () => {
    const items = [s("a", "10:00", "11:00"), s("x", "11:00", "14:00"), s("b", "12:00", "13:00")];
    const entries = dayTimeline(items, (i) => (i.id === "x" ? null : i));
    expect(entries.filter((e) => e.kind === "gap").map((e) => e.kind === "gap" && e.minutes)).toEqual([60]);
  });

  it("has no gap before the first item", () => {
    expect(dayTimeline([s("a", "10:00", "11:00")], (i) => i)).toHaveLength(1);
  });
});

describe("clashPairs", () => {
  it("names every overlapping pair once with its minutes", () => {
    const pairs = clashPairs([s("b", "10:30", "12:00"), s("a", "10:00", "11:00"), s("c", "11:45", "12:30")]);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.minutes])).toEqual([
      ["a", "b", 30],
      ["b", "c", 15],
    ]);
  });

  it("finds none for touching sessions", () => {
    expect(clashPairs([s("a", "10:00", "11:00"), s("b", "11:00", "12:00")])).toEqual([]);
  });
});
