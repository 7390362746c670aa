import { describe, expect, it } from "vitest";
import {
  bookingRefusal,
  bookingWindowState,
  clashingIds,
  findClashes,
  isCalendarToken,
  overlaps,
  sameSlotAlternatives,
  seatPairState,
  seatsLeft,
  waitlistPosition,
  type AlternativeCandidate,
  type SeatPairSession,
  type TimedSession,
} from "~/server/booking/rules";
import { zonedTimeToUtc } from "~/server/programme/time";

const at = (time: string, day = "2025-08-25") => zonedTimeToUtc(day, time, "Europe/Moscow");
const s = (id: string, start: string, end: string, day?: string): TimedSession => ({
  id,
  startsAt: at(start, day),
  endsAt: at(end, day),
});

describe("overlaps and clashes", () => {
  it("treats sessions as half-open intervals", () => {
    expect(overlaps(s("a", "10:00", "11:30"), s("b", "11:00", "12:00"))).toBe(true);
    expect(overlaps(s("a", "10:00", "11:30"), s("b", "11:30", "12:00"))).toBe(false);
    expect(overlaps(s("a", "10:00", "12:00"), s("b", "10:30", "11:00"))).toBe(true);
    expect(overlaps(s("a", "10:00", "11:00"), s("b", "10:00", "11:00", "2025-08-26"))).toBe(false);
  });

  it("finds every held session overlapping the target, in time order, never the target itself", () => {
    const target = s("t", "10:00", "13:00");
    const held = [
      s("late", "12:30", "14:00"),
      s("t", "10:00", "13:00"),
      s("early", "09:00", "10:30"),
      s("x", "13:00", "14:00"),
    ];
    expect(findClashes(target, held).map((h) => h.id)).toEqual(["early", "late"]);
    expect(findClashes(target, [])).toEqual([]);
  });

  it("marks every item of a schedule that overlaps another, both ways", () => {
    const map = clashingIds([
      s("a", "10:00", "11:30"),
      s("b", "11:00", "12:00"),
      s("c", "12:00", "13:00"),
      s("d", "09:00", "18:00", "2025-08-26"),
      s("e", "10:00", "11:00", "2025-08-26"),
    ]);
    expect(map.get("a")).toEqual(["b"]);
    expect(map.get("b")).toEqual(["a"]);
    expect(map.has("c")).toBe(false);
    expect(map.get("d")).toEqual(["e"]);
  });
});

describe("booking window", () => {
  const now = new Date("2025-08-01T07:00:00Z");
  it("is open when unbounded or inside the bounds", () => {
    expect(bookingWindowState(now, { bookingOpensAt: null, bookingClosesAt: null }).state).toBe("open");
    expect(
      bookingWindowState(now, { bookingOpensAt: new Date("2025-08-01T07:00:00Z"), bookingClosesAt: null }).state,
    ).toBe("open");
  });
  it("is not open yet before the opening and closed from the closing instant", () => {
    const opens = new Date("2025-08-01T07:00:01Z");
    expect(bookingWindowState(now, { bookingOpensAt: opens, bookingClosesAt: null })).toEqual({
      state: "notOpenYet",
      opensAt: opens,
    });
    expect(bookingWindowState(now, { bookingOpensAt: null, bookingClosesAt: now }).state).toBe("closed");
  });
});

describe("bookingRefusal", () => {
  const open = { state: "open", closesAt: null } as const;
  const base = { status: "PUBLISHED", isClosed: false, bookingRequired: true } as const;
  it("gives the most permanent reason first", () => {
    expect(bookingRefusal(base, open)).toBe("ok");
    expect(bookingRefusal({ ...base, status: "DRAFT", isClosed: true }, open)).toBe("draft");
    expect(bookingRefusal({ ...base, status: "CANCELLED" }, { state: "closed", closedAt: new Date() })).toBe(
      "cancelled",
    );
    expect(bookingRefusal({ ...base, isClosed: true, bookingRequired: false }, open)).toBe("closed");
    expect(bookingRefusal({ ...base, bookingRequired: false }, { state: "notOpenYet", opensAt: new Date() })).toBe(
      "freeEntry",
    );
    expect(bookingRefusal(base, { state: "notOpenYet", opensAt: new Date() })).toBe("notOpenYet");
    expect(bookingRefusal(base, { state: "closed", closedAt: new Date() })).toBe("windowClosed");
  });
});

describe("seats and queue positions", () => {
  it("counts seats left, never below zero, null without a limit", () => {
    expect(seatsLeft({ capacity: 20, bookedCount: 17 })).toBe(3);
    expect(seatsLeft({ capacity: 20, bookedCount: 20 })).toBe(0);
    expect(seatsLeft({ capacity: 20, bookedCount: 25 })).toBe(0);
    expect(seatsLeft({ capacity: null, bookedCount: 300 })).toBeNull();
  });
  it("places an entry by the seqs at or before it (gaps from left entries do not count)", () => {
    expect(waitlistPosition(7, [3, 7, 9, 12])).toBe(2);
    expect(waitlistPosition(3, [3])).toBe(1);
  });
});

describe("sameSlotAlternatives", () => {
  const open = { state: "open", closesAt: null } as const;
  const cand = (
    id: string,
    start: string,
    end: string,
    over: Partial<AlternativeCandidate> = {},
  ): AlternativeCandidate => ({
    ...s(id, start, end),
    title: id,
    status: "PUBLISHED",
    isClosed: false,
    bookingRequired: true,
    capacity: 10,
    bookedCount: 5,
    ...over,
  });
  const target = s("target", "12:30", "14:00");

  it("offers overlapping bookable sessions with seats, most seats first", () => {
    const list = sameSlotAlternatives({
      target,
      window: open,
      held: [],
      candidates: [
        cand("target", "12:30", "14:00"),
        cand("few", "12:30", "14:00", { bookedCount: 9 }),
        cand("many", "13:00", "14:30", { bookedCount: 1 }),
        cand("unlimited", "12:30", "14:00", { capacity: null }),
        cand("full", "12:30", "14:00", { bookedCount: 10 }),
        cand("closed", "12:30", "14:00", { isClosed: true }),
        cand("free-entry", "12:30", "14:00", { bookingRequired: false }),
        cand("cancelled", "12:30", "14:00", { status: "CANCELLED" }),
        cand("later", "14:00", "15:00"),
      ],
    });
    expect(list.map((x) => x.id)).toEqual(["unlimited", "many", "few"]);
  });

  it("leaves out sessions that clash with the person's other seats", () => {
    const list = sameSlotAlternatives({
      target,
      window: open,
      held: [s("lunch-talk", "14:00", "15:00")],
      candidates: [cand("spills-over", "13:00", "14:30"), cand("fits", "12:30", "14:00")],
    });
    expect(list.map((x) => x.id)).toEqual(["fits"]);
  });

  it("offers nothing while the booking window is shut", () => {
    const list = sameSlotAlternatives({
      target,
      window: { state: "closed", closedAt: new Date() },
      held: [],
      candidates: [cand("fits", "12:30", "14:00")],
    });
    expect(list).toEqual([]);
  });
});

describe("calendar tokens", () => {
  it("accepts 32 random bytes in base64url only", () => {
    expect(isCalendarToken("a".repeat(43))).toBe(true);
    expect(isCalendarToken(Buffer.alloc(32, 255).toString("base64url"))).toBe(true);
    expect(isCalendarToken("a".repeat(42))).toBe(false);
    expect(isCalendarToken(`${"a".repeat(42)}=`)).toBe(false);
    expect(isCalendarToken(`${"a".repeat(40)}../`)).toBe(false);
  });
});

describe("seatPairState", () => {
  const at = (start: string, end: string) => ({
    startsAt: new Date(`2025-08-25T${start}:00Z`),
    endsAt: new Date(`2025-08-25T${end}:00Z`),
  });
  const seat = (id: string, start: string, end: string, over: Partial<SeatPairSession> = {}): SeatPairSession => ({
    id,
    ...at(start, end),
    status: "PUBLISHED",
    booked: true,
    ...over,
  });

  it("is a clash when both are the person's seats and overlap, in either order", () => {
    expect(seatPairState(seat("a", "09:00", "10:30"), seat("b", "10:00", "11:00"))).toBe("clash");
    expect(seatPairState(seat("b", "10:00", "11:00"), seat("a", "09:00", "10:30"))).toBe("clash");
  });

  it("is no clash once they no longer overlap (back to back included) or one is cancelled", () => {
    expect(seatPairState(seat("a", "09:00", "10:00"), seat("b", "10:00", "11:00"))).toBe("noClash");
    expect(seatPairState(seat("a", "09:00", "10:30"), seat("b", "10:00", "11:00", { status: "CANCELLED" }))).toBe(
      "noClash",
    );
  });

  it("is not the person's when either seat is not held, whatever the times", () => {
    expect(seatPairState(seat("a", "09:00", "10:30", { booked: false }), seat("b", "10:00", "11:00"))).toBe("notYours");
    expect(seatPairState(seat("a", "09:00", "10:30"), seat("b", "12:00", "13:00", { booked: false }))).toBe("notYours");
  });
});
