import { describe, expect, it } from "vitest";
import { decideScan, doorKey, firstScan, parseDoor, seatsLeft, type ScanFacts } from "~/server/checkin/rules";

const base: ScanFacts = { ticket: { active: true }, session: null, earlier: null, walkIn: false };

describe("doors", () => {
  it("reads entrance and session doors and refuses anything else", () => {
    expect(parseDoor("entrance:2025-08-25")).toEqual({ kind: "entrance", day: "2025-08-25" });
    expect(parseDoor("session:abc_1")).toEqual({ kind: "session", sessionId: "abc_1" });
    for (const bad of ["", "entrance:25.08", "session:", "session:a:b", "hall:x", "session:a b"]) {
      expect(parseDoor(bad)).toBeNull();
    }
    expect(doorKey({ kind: "session", sessionId: "x" })).toBe("session:x");
  });
});

describe("decideScan", () => {
  it("admits a valid ticket at the entrance", () => {
    expect(decideScan(base)).toEqual({ result: "admitted", walkIn: false });
  });
  it("says unknown and revoked before anything else", () => {
    expect(decideScan({ ...base, ticket: null })).toEqual({ result: "unknown" });
    expect(decideScan({ ...base, ticket: { active: false }, walkIn: true })).toEqual({ result: "revoked" });
  });
  it("says when and where a ticket was already admitted", () => {
    const at = new Date("2025-08-25T07:00:00Z");
    expect(decideScan({ ...base, earlier: { id: "a", scannedAt: at, device: "Вход 1" } })).toEqual({
      result: "duplicate",
      at,
      device: "Вход 1",
    });
  });
  it("stops people without a booking and offers a walk-in while seats are left", () => {
    const session = { bookingRequired: true, booked: false, seatsLeft: 3 };
    expect(decideScan({ ...base, session })).toEqual({ result: "notBooked", seatsLeft: 3 });
    expect(decideScan({ ...base, session, walkIn: true })).toEqual({ result: "admitted", walkIn: true });
    expect(decideScan({ ...base, session: { ...session, seatsLeft: 0 }, walkIn: true })).toEqual({ result: "full" });
    expect(decideScan({ ...base, session: { ...session, seatsLeft: null }, walkIn: true })).toEqual({
      result: "admitted",
      walkIn: true,
    });
  });
  it("admits the booked and anyone at a free-entry session", () => {
    expect(decideScan({ ...base, session: { bookingRequired: true, booked: true, seatsLeft: 0 } })).toEqual({
      result: "admitted",
      walkIn: false,
    });
    expect(decideScan({ ...base, session: { bookingRequired: false, booked: false, seatsLeft: 0 } })).toEqual({
      result: "admitted",
      walkIn: false,
    });
  });
});

describe("firstScan and seats", () => {
  it("takes the earliest scan, ties broken by id", () => {
    const t = new Date("2025-08-25T07:00:00Z");
    const later = new Date(t.getTime() + 1000);
    expect(
      firstScan([
        { id: "b", scannedAt: later, device: "2" },
        { id: "c", scannedAt: t, device: "1" },
      ])?.id,
    ).toBe("c");
    expect(
      firstScan([
        { id: "b", scannedAt: t, device: "2" },
        { id: "a", scannedAt: t, device: "1" },
      ])?.id,
    ).toBe("a");
    expect(
      firstScan([
        { id: "a", scannedAt: t, device: "2", seq: 7 },
        { id: "b", scannedAt: t, device: "1", seq: 3 },
      ])?.id,
    ).toBe("b");
    expect(
      firstScan([
        { id: "a", scannedAt: t, device: "new" },
        { id: "z", scannedAt: t, device: "1", seq: 9 },
      ])?.id,
    ).toBe("z");
    expect(firstScan([])).toBeNull();
  });
  it("counts walk-ins against the capacity", () => {
    expect(seatsLeft({ capacity: 10, booked: 7, walkIns: 2 })).toBe(1);
    expect(seatsLeft({ capacity: 10, booked: 9, walkIns: 3 })).toBe(0);
    expect(seatsLeft({ capacity: null, booked: 9, walkIns: 3 })).toBeNull();
  });
});
