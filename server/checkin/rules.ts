/**
 * Check-in decisions, pure: the server decides with them, and the /checkin page decides the same
 * way from its manifest when it is offline (this module has no server imports for that reason).
 */

/** A door: the entrance of one forum day, or one session's door. */
export type Door = { kind: "entrance"; day: string } | { kind: "session"; sessionId: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseDoor(value: string): Door | null {
  const [kind, rest, extra] = value.split(":");
  if (extra !== undefined || !rest) return null;
  if (kind === "entrance" && DAY.test(rest)) return { kind: "entrance", day: rest };
  if (kind === "session" && ID.test(rest)) return { kind: "session", sessionId: rest };
  return null;
}

export const doorKey = (door: Door): string =>
  door.kind === "entrance" ? `entrance:${door.day}` : `session:${door.sessionId}`;

export type Admission = { id: string; scannedAt: Date; device: string; seq?: number };

/** a before b: scan time, then the order the server recorded them (unrecorded last), then id. */
function before(a: Admission, b: Admission): boolean {
  const t = a.scannedAt.getTime() - b.scannedAt.getTime();
  if (t !== 0) return t < 0;
  const s = (a.seq ?? Number.POSITIVE_INFINITY) - (b.seq ?? Number.POSITIVE_INFINITY);
  if (s !== 0 && !Number.isNaN(s)) return s < 0;
  return a.id < b.id;
}

/**
 * The admission among a ticket's scans at a door: the first by scan time; scans made in the same
 * millisecond go by the order the server recorded them, so an answer once given stays true.
 */
export function firstScan<T extends Admission>(scans: readonly T[]): T | null {
  let first: T | null = null;
  for (const s of scans) if (!first || before(s, first)) first = s;
  return first;
}

export type ScanFacts = {
  /** null: no ticket has this code. */
  ticket: null | { active: boolean };
  /** For a session door: does the session need a booking, and does this person hold one. */
  session: null | { bookingRequired: boolean; booked: boolean; seatsLeft: number | null };
  /** The admission already recorded for this ticket at this door (other than this scan). */
  earlier: Admission | null;
  /** Staff chose «admit as walk-in». */
  walkIn: boolean;
};

export type ScanOutcome =
  | { result: "admitted"; walkIn: boolean }
  | { result: "duplicate"; at: Date; device: string }
  | { result: "notBooked"; seatsLeft: number | null }
  | { result: "full" }
  | { result: "revoked" }
  | { result: "unknown" };

/** What a scan means; "admitted" outcomes are the ones recorded. */
export function decideScan(f: ScanFacts): ScanOutcome {
  if (!f.ticket) return { result: "unknown" };
  if (!f.ticket.active) return { result: "revoked" };
  if (f.earlier) return { result: "duplicate", at: f.earlier.scannedAt, device: f.earlier.device };
  if (f.session && f.session.bookingRequired && !f.session.booked) {
    if (!f.walkIn) return { result: "notBooked", seatsLeft: f.session.seatsLeft };
    if (f.session.seatsLeft !== null && f.session.seatsLeft <= 0) return { result: "full" };
    return { result: "admitted", walkIn: true };
  }
  return { result: "admitted", walkIn: false };
}

/** Seats left at a door: capacity less booked seats less walk-ins admitted; null: no limit. */
export function seatsLeft(p: { capacity: number | null; booked: number; walkIns: number }): number | null {
  return p.capacity === null ? null : Math.max(0, p.capacity - p.booked - p.walkIns);
}
