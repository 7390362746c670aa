import { describe, expect, it } from "vitest";
import {
  canEditTrack,
  capacityIssues,
  changedFields,
  checkSession,
  excessHolders,
  frontOfQueueSeqs,
  personIssues,
  placementChange,
  roomIssues,
  saveDecision,
  shiftedSpan,
  spanFromWallClock,
  timeIssues,
  type CheckContext,
  type OtherSession,
  type PlannedSession,
} from "~/server/organiser/rules";

const MSK = "Europe/Moscow";
const at = (day: string, time: string) => spanFromWallClock({ day, start: time, end: time }, MSK).startsAt;
const span = (day: string, start: string, end: string) => spanFromWallClock({ day, start, end }, MSK);
const edition = { ...span("2025-08-25", "00:00", "00:00"), endsAt: at("2025-08-30", "00:00"), timeZone: MSK };

const planned = (over: Partial<PlannedSession> = {}): PlannedSession => ({
  id: null,
  ...span("2025-08-25", "12:00", "13:30"),
  roomId: "oka",
  capacity: 50,
  personIds: [],
  ...over,
});

const other = (over: Partial<OtherSession> & { id: string }): OtherSession => ({
  title: `Сессия ${over.id}`,
  ...span("2025-08-25", "12:30", "14:00"),
  roomId: "oka",
  status: "PUBLISHED",
  personIds: [],
  ...over,
});

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe("time checks", () => {
  it("accepts a session inside the forum's days", () => {
    expect(timeIssues(planned(), edition)).toEqual([]);
  });

  it("refuses an end before (or at) the start", () => {
    expect(codes(timeIssues(span("2025-08-25", "14:00", "13:00"), edition))).toEqual(["END_BEFORE_START"]);
    expect(codes(timeIssues(span("2025-08-25", "14:00", "14:00"), edition))).toEqual(["END_BEFORE_START"]);
  });

  it("refuses more than a day", () => {
    const long = { startsAt: at("2025-08-25", "10:00"), endsAt: at("2025-08-26", "10:01") };
    expect(codes(timeIssues(long, edition))).toEqual(["TOO_LONG"]);
    const day = { startsAt: at("2025-08-25", "10:00"), endsAt: at("2025-08-26", "10:00") };
    expect(timeIssues(day, edition)).toEqual([]);
  });

  it("refuses times outside the edition, at both ends, with the edition's days in the message", () => {
    const before = timeIssues(span("2025-08-24", "10:00", "11:00"), edition);
    expect(codes(before)).toEqual(["OUTSIDE_EDITION"]);
    expect(before[0]?.params).toEqual({ from: "25 августа, 00:00", to: "29 августа, 23:59" });
    expect(codes(timeIssues(span("2025-08-30", "10:00", "11:00"), edition))).toEqual(["OUTSIDE_EDITION"]);
    expect(codes(timeIssues(span("2025-08-29", "23:00", "23:59"), edition))).toEqual([]);
    const overMidnight = { startsAt: at("2025-08-29", "23:00"), endsAt: at("2025-08-30", "00:30") };
    expect(codes(timeIssues(overMidnight, edition))).toEqual(["OUTSIDE_EDITION"]);
  });
});

describe("room clash", () => {
  it("finds a live session in the same room at an overlapping time, with its title and time", () => {
    const issues = roomIssues(planned(), [other({ id: "a", title: "Круглый стол" })], MSK);
    expect(issues).toEqual([
      {
        code: "ROOM_CLASH",
        severity: "error",
        field: "roomId",
        params: { title: "Круглый стол", time: "12:30–14:00" },
        sessionId: "a",
      },
    ]);
  });

  it("counts drafts, but not cancelled sessions, other rooms, back-to-back slots or the session itself", () => {
    expect(codes(roomIssues(planned(), [other({ id: "d", status: "DRAFT" })], MSK))).toEqual(["ROOM_CLASH"]);
    const none = [
      other({ id: "c", status: "CANCELLED" }),
      other({ id: "r", roomId: "ugra" }),
      other({ id: "b", ...span("2025-08-25", "13:30", "15:00") }),
      other({ id: "e", ...span("2025-08-25", "10:00", "12:00") }),
      other({ id: "self" }),
    ];
    expect(roomIssues(planned({ id: "self" }), none, MSK)).toEqual([]);
  });

  it("never clashes without a room", () => {
    expect(roomIssues(planned({ roomId: null }), [other({ id: "a", roomId: null })], MSK)).toEqual([]);
  });
});

describe("speaker and moderator clash", () => {
  const names = new Map([
    ["p1", "Ёлкина Мария"],
    ["p2", "Петров Иван"],
  ]);

  it("finds a person in an overlapping session in any room and track", () => {
    const issues = personIssues(
      planned({ personIds: ["p1", "p2"] }),
      [other({ id: "x", roomId: "ugra", personIds: ["p2"], title: "Другая сессия" })],
      names,
      MSK,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "PERSON_CLASH",
      field: "people",
      params: { name: "Петров Иван", title: "Другая сессия", time: "12:30–14:00" },
    });
  });

  it("ignores other people, other times and cancelled sessions", () => {
    const others = [
      other({ id: "x", personIds: ["p3"] }),
      other({ id: "y", personIds: ["p1"], ...span("2025-08-25", "14:00", "15:00") }),
      other({ id: "z", personIds: ["p1"], status: "CANCELLED" }),
    ];
    expect(personIssues(planned({ personIds: ["p1"] }), others, names, MSK)).toEqual([]);
  });
});

describe("capacity", () => {
  it("warns when the seats exceed the room", () => {
    const issues = capacityIssues({
      capacity: 120,
      room: { capacity: 100 },
      bookedCount: 0,
      moveExcessToWaitlist: false,
    });
    expect(issues).toEqual([
      { code: "CAPACITY_OVER_ROOM", severity: "warning", field: "capacity", params: { capacity: 120, room: 100 } },
    ]);
    expect(
      capacityIssues({ capacity: 100, room: { capacity: 100 }, bookedCount: 0, moveExcessToWaitlist: false }),
    ).toEqual([]);
    expect(
      capacityIssues({ capacity: null, room: { capacity: 10 }, bookedCount: 0, moveExcessToWaitlist: false }),
    ).toEqual([]);
  });

  it("refuses fewer seats than confirmed, unless the excess moves to the waitlist (a warning with the count)", () => {
    expect(capacityIssues({ capacity: 3, room: null, bookedCount: 5, moveExcessToWaitlist: false })).toEqual([
      { code: "CAPACITY_BELOW_BOOKED", severity: "error", field: "capacity", params: { booked: 5 } },
    ]);
    expect(capacityIssues({ capacity: 3, room: null, bookedCount: 5, moveExcessToWaitlist: true })).toEqual([
      { code: "EXCESS_TO_WAITLIST", severity: "warning", field: "capacity", params: { count: 2 } },
    ]);
    expect(capacityIssues({ capacity: 5, room: null, bookedCount: 5, moveExcessToWaitlist: false })).toEqual([]);
  });
});

describe("checkSession and the save decision", () => {
  const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
    edition,
    room: { id: "oka", name: "Ока", capacity: 40 },
    others: [],
    personNames: new Map(),
    bookedCount: 0,
    moveExcessToWaitlist: false,
    attendeeClashes: 0,
    ...over,
  });

  it("lists errors before warnings", () => {
    const issues = checkSession(planned({ capacity: 50 }), ctx({ others: [other({ id: "a" })], attendeeClashes: 2 }));
    expect(codes(issues)).toEqual(["ROOM_CLASH", "CAPACITY_OVER_ROOM", "ATTENDEE_CLASH"]);
  });

  it("blocks on errors, asks for acknowledgement on warnings, passes clean saves", () => {
    const error = checkSession(planned(), ctx({ others: [other({ id: "a" })] }));
    const warning = checkSession(planned({ capacity: 50 }), ctx());
    expect(saveDecision(error, true)).toBe("errors");
    expect(saveDecision(warning, false)).toBe("warnings");
    expect(saveDecision(warning, true)).toBe("ok");
    expect(saveDecision(checkSession(planned({ capacity: 40 }), ctx()), false)).toBe("ok");
  });

  it("skips clash checks for an impossible time (only the time error is shown)", () => {
    const bad = planned({ ...span("2025-08-25", "13:00", "12:00"), capacity: 40 });
    expect(codes(checkSession(bad, ctx({ others: [other({ id: "a" })] })))).toEqual(["END_BEFORE_START"]);
  });
});

describe("track editors", () => {
  it("lets unrestricted organisers edit anything, track editors only their tracks (never sessions without one)", () => {
    expect(canEditTrack("all", null)).toBe(true);
    expect(canEditTrack("all", "t1")).toBe(true);
    expect(canEditTrack(["t1", "t2"], "t2")).toBe(true);
    expect(canEditTrack(["t1"], "t2")).toBe(false);
    expect(canEditTrack(["t1"], null)).toBe(false);
  });
});

describe("lowering the capacity", () => {
  const holder = (userId: string, minute: number) => ({
    id: `b-${userId}`,
    userId,
    createdAt: new Date(Date.UTC(2025, 6, 1, 10, minute)),
  });

  it("moves the last booked, returned in booking order", () => {
    const holders = [holder("c", 3), holder("a", 1), holder("e", 5), holder("b", 2), holder("d", 4)];
    expect(excessHolders(holders, 3).map((h) => h.userId)).toEqual(["d", "e"]);
    expect(excessHolders(holders, 5)).toEqual([]);
    expect(excessHolders(holders, 0).map((h) => h.userId)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("puts them at the front of the queue, ahead of everyone waiting, in order", () => {
    expect(frontOfQueueSeqs(10, 2)).toEqual([8, 9]);
    expect(frontOfQueueSeqs(-3, 3)).toEqual([-6, -5, -4]);
    expect(frontOfQueueSeqs(null, 2)).toEqual([-1, 0]);
  });
});

describe("what changed", () => {
  const base = { ...span("2025-08-25", "12:00", "13:00"), roomId: "oka" };

  it("tells a new time from a new room", () => {
    expect(placementChange(base, { ...base })).toBeNull();
    expect(placementChange(base, { ...base, roomId: "ugra" })).toBe("MOVED");
    expect(placementChange(base, { ...base, endsAt: at("2025-08-25", "13:30") })).toBe("RESCHEDULED");
    expect(placementChange(base, { ...shiftedSpan(base, at("2025-08-26", "10:00")), roomId: "ugra" })).toBe(
      "RESCHEDULED",
    );
  });

  it("keeps the length when a session moves", () => {
    const moved = shiftedSpan(base, at("2025-08-27", "16:15"));
    expect(moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(60 * 60_000);
  });

  it("lists the fields that changed", () => {
    const a = {
      title: "A",
      description: "",
      format: "PLENARY",
      trackId: null,
      capacity: 10,
      isClosed: false,
      bookingRequired: true,
      people: ["p1", "|"],
    };
    expect(changedFields(a, { ...a })).toEqual([]);
    expect(changedFields(a, { ...a, title: "B", capacity: 12, people: ["|", "p1"] })).toEqual([
      "title",
      "capacity",
      "people",
    ]);
  });
});
