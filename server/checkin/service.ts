/**
 * Check-in at the doors. A scan names a ticket by the SHA-256 of its QR text; the server decides
 * with rules.ts and records every scan that would admit (the first by scan time is the
 * admission, later ones are repeats), with the id the device made, so a re-sent batch changes
 * nothing and two devices that admitted the same ticket offline agree after the next sync.
 * Each scan runs in its own transaction under a lock on the ticket row (taken before any session
 * row, see server/db/locks.ts), so two devices online at once cannot both admit it.
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import { forgetCachedSessions } from "~/server/auth/session-cache";
import {
  decideScan,
  doorKey,
  firstScan,
  parseDoor,
  seatsLeft,
  type Door,
  type ScanOutcome,
} from "~/server/checkin/rules";
import type { ScanInput } from "~/server/checkin/schema";
import type { Db } from "~/server/db/client";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { findCurrentEdition } from "~/server/edition/current";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { editionDayKeys, zonedDayRange } from "~/server/programme/time";
import { fullName, issueEditionTickets } from "~/server/tickets/service";
import { serverTranslator } from "~/server/i18n/translate";

const errorsT = serverTranslator("checkin", "checkinErrors");

/** A device clock ahead of the server by more than this is not believed: the scan gets the server's time. */
const CLOCK_SKEW_MS = 5 * 60_000;
const FIND_LIMIT = 20;
const RECENT_PAGE = 50;

type Db_ = Db | Tx;

const editionSelect = { id: true, startsAt: true, endsAt: true, timeZone: true } as const;

type DoorInfo = {
  door: Door;
  key: string;
  editionId: string;
  session: null | {
    id: string;
    title: string;
    bookingRequired: boolean;
    capacity: number | null;
    bookedCount: number;
    startsAt: Date;
    endsAt: Date;
  };
};

/** The door of the current edition, or NOT_FOUND (an unknown day or session, a draft). */
async function resolveDoor(db: Db_, value: string): Promise<DoorInfo> {
  const door = parseDoor(value);
  if (!door) throw new AppError("BAD_REQUEST", errorsT("badDoor"));
  const edition = await findCurrentEdition(db, editionSelect);
  if (door.kind === "entrance") {
    if (!editionDayKeys(edition.startsAt, edition.endsAt, edition.timeZone).includes(door.day)) {
      throw new AppError("NOT_FOUND", errorsT("badDoor"));
    }
    return { door, key: doorKey(door), editionId: edition.id, session: null };
  }
  const session = await db.programmeSession.findFirst({
    where: { id: door.sessionId, editionId: edition.id, status: "PUBLISHED" },
    select: {
      id: true,
      title: true,
      bookingRequired: true,
      capacity: true,
      bookedCount: true,
      startsAt: true,
      endsAt: true,
    },
  });
  if (!session) throw new AppError("NOT_FOUND", errorsT("badDoor"));
  return { door, key: doorKey(door), editionId: edition.id, session };
}

/** Walk-ins admitted at a session's door (first scans only, not undone). */
async function walkInCount(db: Db_, door: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT "ticketId")::int AS n FROM "CheckIn"
    WHERE "door" = ${door} AND "walkIn" AND "undoneAt" IS NULL`;
  return rows[0]?.n ?? 0;
}

/** The doors of the current edition: one entrance a day, and each published session by day. */
export async function listDoors({ db }: { db: Db }) {
  const edition = await findCurrentEdition(db, editionSelect);
  const days = editionDayKeys(edition.startsAt, edition.endsAt, edition.timeZone);
  const sessions = await db.programmeSession.findMany({
    where: { editionId: edition.id, status: "PUBLISHED", isClosed: false },
    select: { id: true, title: true, startsAt: true, endsAt: true, room: { select: { name: true } } },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
  });
  return {
    timeZone: edition.timeZone,
    days: days.map((day) => {
      const { from, to } = zonedDayRange(day, edition.timeZone);
      return {
        day,
        entrance: `entrance:${day}`,
        sessions: sessions
          .filter((s) => s.startsAt >= from && s.startsAt < to)
          .map((s) => ({
            door: `session:${s.id}`,
            title: s.title,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            room: s.room?.name ?? null,
          })),
      };
    }),
  };
}

const personSelect = {
  id: true,
  secretHash: true,
  revokedAt: true,
  registration: {
    select: {
      userId: true,
      editionId: true,
      status: true,
      surname: true,
      firstName: true,
      patronymic: true,
      organisation: true,
      category: true,
    },
  },
} satisfies Prisma.TicketSelect;

/** What staff see of a person: name, organisation, category. No email, no phone. */
const personView = (r: {
  surname: string;
  firstName: string;
  patronymic: string | null;
  organisation: string;
  category: string;
}) => ({
  name: fullName(r),
  organisation: r.organisation,
  category: r.category,
});

/**
 * What a device needs to decide scans alone: every active ticket's hash with the person's name,
 * whether they are booked for this door, the revoked hashes (to say «аннулирован»), the
 * admissions so far and the seats.
 */
export async function doorManifest({ db, door: value }: { db: Db; door: string }) {
  const info = await resolveDoor(db, value);
  await issueEditionTickets(db, info.editionId);
  const tickets = await db.ticket.findMany({
    where: { registration: { editionId: info.editionId } },
    select: personSelect,
  });
  const booked = info.session
    ? new Set(
        (await db.booking.findMany({ where: { sessionId: info.session.id }, select: { userId: true } })).map(
          (b) => b.userId,
        ),
      )
    : null;
  const people = tickets
    .filter((t) => !t.revokedAt && t.registration.status === "CONFIRMED")
    .map((t) => ({
      hash: t.secretHash,
      ...personView(t.registration),
      booked: booked ? booked.has(t.registration.userId) : true,
    }));
  const revoked = tickets.filter((t) => t.revokedAt || t.registration.status !== "CONFIRMED").map((t) => t.secretHash);
  const generatedAt = new Date();
  return {
    door: info.key,
    title: info.session?.title ?? null,
    generatedAt,
    session: info.session
      ? {
          bookingRequired: info.session.bookingRequired,
          capacity: info.session.capacity,
          booked: info.session.bookedCount,
          walkIns: await walkInCount(db, info.key),
        }
      : null,
    people,
    revoked,
    scans: await doorScans(db, info.key),
  };
}

/** Every scan recorded at a door (optionally only those the server heard of after `since`). */
async function doorScans(db: Db_, door: string, since?: Date) {
  const rows = await db.checkIn.findMany({
    where: { door, ...(since ? { syncedAt: { gt: since } } : {}) },
    select: {
      id: true,
      seq: true,
      scannedAt: true,
      syncedAt: true,
      device: true,
      walkIn: true,
      undoneAt: true,
      ticket: { select: { secretHash: true } },
    },
    orderBy: { syncedAt: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    hash: r.ticket.secretHash,
    scannedAt: r.scannedAt,
    syncedAt: r.syncedAt,
    device: r.device,
    walkIn: r.walkIn,
    undone: r.undoneAt !== null,
  }));
}

/** What other devices did since a time (undos included: they move syncedAt). */
export async function doorChanges({ db, door, since }: { db: Db; door: string; since?: Date }) {
  const info = await resolveDoor(db, door);
  const serverTime = new Date();
  return { serverTime, scans: await doorScans(db, info.key, since) };
}

export type ScanResult = {
  id: string;
  person: ReturnType<typeof personView> | null;
} & (Exclude<ScanOutcome, { result: "duplicate" }> | { result: "duplicate"; at: Date; device: string });

async function scanOne(
  tx: Tx,
  info: DoorInfo,
  p: { staff: SessionUser; device: string; now: Date },
  scan: ScanInput["scans"][number],
): Promise<ScanResult> {
  const scannedAt = scan.scannedAt.getTime() > p.now.getTime() + CLOCK_SKEW_MS ? p.now : scan.scannedAt;
  const ticket = await tx.ticket.findUnique({ where: { secretHash: scan.ticketHash }, select: personSelect });
  if (!ticket || ticket.registration.editionId !== info.editionId) {
    return { id: scan.id, person: null, result: "unknown" };
  }
  const person = personView(ticket.registration);
  await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE "id" = ${ticket.id} FOR UPDATE`;
  const active = await tx.ticket.count({
    where: { id: ticket.id, revokedAt: null, registration: { status: "CONFIRMED" } },
  });
  const recorded = await tx.checkIn.findUnique({ where: { id: scan.id }, select: { ticketId: true, door: true } });
  const scans = await tx.checkIn.findMany({
    where: { ticketId: ticket.id, door: info.key, undoneAt: null },
    select: { id: true, scannedAt: true, device: true, walkIn: true, seq: true },
  });
  if (recorded) {
    // A re-sent scan: answer what it became, write nothing.
    if (recorded.ticketId !== ticket.id || recorded.door !== info.key)
      return { id: scan.id, person: null, result: "unknown" };
    const first = firstScan(scans);
    if (!first) return { id: scan.id, person, result: "revoked" };
    return first.id === scan.id
      ? { id: scan.id, person, result: "admitted", walkIn: first.walkIn }
      : { id: scan.id, person, result: "duplicate", at: first.scannedAt, device: first.device };
  }
  let session = null;
  if (info.session) {
    const booked = await tx.booking.count({
      where: { sessionId: info.session.id, userId: ticket.registration.userId },
    });
    const current = await tx.programmeSession.findUniqueOrThrow({
      where: { id: info.session.id },
      select: { bookedCount: true, capacity: true },
    });
    session = {
      bookingRequired: info.session.bookingRequired,
      booked: booked > 0,
      seatsLeft: seatsLeft({
        capacity: current.capacity,
        booked: current.bookedCount,
        walkIns: await walkInCount(tx, info.key),
      }),
    };
  }
  const outcome = decideScan({ ticket: { active: active > 0 }, session, earlier: null, walkIn: scan.walkIn });
  if (outcome.result !== "admitted") return { id: scan.id, person, ...outcome };
  await tx.checkIn.create({
    data: {
      id: scan.id,
      ticketId: ticket.id,
      day: info.door.kind === "entrance" ? info.door.day : null,
      sessionId: info.session?.id ?? null,
      door: info.key,
      scannedAt,
      syncedAt: p.now,
      device: p.device,
      staffId: p.staff.id,
      walkIn: outcome.walkIn,
    },
  });
  const first = firstScan([...scans, { id: scan.id, scannedAt, device: p.device, walkIn: outcome.walkIn }])!;
  return first.id === scan.id
    ? { id: scan.id, person, ...outcome }
    : { id: scan.id, person, result: "duplicate", at: first.scannedAt, device: first.device };
}

/** Decides and records a batch of scans at one door; the answers come back in the same order. */
export async function scanBatch({
  db,
  staff,
  input,
  now = new Date(),
}: {
  db: Db;
  staff: SessionUser;
  input: ScanInput;
  now?: Date;
}): Promise<{ results: ScanResult[]; serverTime: Date }> {
  const info = await resolveDoor(db, input.door);
  const results: ScanResult[] = [];
  for (const scan of input.scans) {
    results.push(await inTransaction(db, (tx) => scanOne(tx, info, { staff, device: input.device, now }, scan)));
  }
  return { results, serverTime: now };
}

/** People by name or email, for a lost ticket: what staff need to admit them, nothing more. */
export async function findPeople({ db, door, q }: { db: Db; door: string; q: string }) {
  const info = await resolveDoor(db, door);
  await issueEditionTickets(db, info.editionId);
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 4);
  const regs = await db.registration.findMany({
    where: {
      editionId: info.editionId,
      status: "CONFIRMED",
      AND: terms.map((term) => ({
        OR: [
          { surname: { contains: term, mode: "insensitive" as const } },
          { firstName: { contains: term, mode: "insensitive" as const } },
          { patronymic: { contains: term, mode: "insensitive" as const } },
          { email: { contains: term, mode: "insensitive" as const } },
        ],
      })),
    },
    select: {
      userId: true,
      surname: true,
      firstName: true,
      patronymic: true,
      organisation: true,
      category: true,
      tickets: { where: { revokedAt: null }, select: { id: true, secretHash: true } },
    },
    orderBy: [{ surname: "asc" }, { firstName: "asc" }],
    take: FIND_LIMIT,
  });
  const ticketIds = regs.flatMap((r) => r.tickets.map((t) => t.id));
  const scans = await db.checkIn.findMany({
    where: { door: info.key, ticketId: { in: ticketIds }, undoneAt: null },
    select: { id: true, ticketId: true, scannedAt: true, device: true, seq: true },
  });
  const booked = info.session
    ? new Set(
        (
          await db.booking.findMany({
            where: { sessionId: info.session.id, userId: { in: regs.map((r) => r.userId) } },
            select: { userId: true },
          })
        ).map((b) => b.userId),
      )
    : null;
  return regs.flatMap((r) => {
    const ticket = r.tickets[0];
    if (!ticket) return [];
    const first = firstScan(scans.filter((s) => s.ticketId === ticket.id));
    return [
      {
        hash: ticket.secretHash,
        ...personView(r),
        booked: booked ? booked.has(r.userId) : true,
        admitted: first ? { at: first.scannedAt, device: first.device } : null,
      },
    ];
  });
}

// ---------------------------------------------------------------------------
// Organisers

/** Admitted people per door (first scans, not undone), with seats for sessions. */
export async function liveCounts({ db }: { db: Db }) {
  const doors = await listDoors({ db });
  const counts = await db.$queryRaw<{ door: string; admitted: number; walkIns: number }[]>`
    SELECT "door", count(DISTINCT "ticketId")::int AS "admitted",
           count(DISTINCT "ticketId") FILTER (WHERE "walkIn")::int AS "walkIns"
    FROM "CheckIn" WHERE "undoneAt" IS NULL GROUP BY "door"`;
  const byDoor = new Map(counts.map((c) => [c.door, c]));
  const sessionIds = doors.days.flatMap((d) => d.sessions.map((s) => s.door.slice("session:".length)));
  const seats = await db.programmeSession.findMany({
    where: { id: { in: sessionIds } },
    select: { id: true, capacity: true, bookedCount: true, bookingRequired: true, noShowReleaseMinutes: true },
  });
  const seatMap = new Map(seats.map((s) => [s.id, s]));
  return {
    timeZone: doors.timeZone,
    days: doors.days.map((d) => ({
      day: d.day,
      entrance: { door: d.entrance, admitted: byDoor.get(d.entrance)?.admitted ?? 0 },
      sessions: d.sessions.map((s) => {
        const seat = seatMap.get(s.door.slice("session:".length));
        return {
          ...s,
          admitted: byDoor.get(s.door)?.admitted ?? 0,
          walkIns: byDoor.get(s.door)?.walkIns ?? 0,
          booked: seat?.bookedCount ?? 0,
          capacity: seat?.capacity ?? null,
          bookingRequired: seat?.bookingRequired ?? false,
          noShowReleaseMinutes: seat?.noShowReleaseMinutes ?? null,
        };
      }),
    })),
  };
}

/** The latest scans (optionally at one door), with who and where, for undoing a mistake. */
export async function recentScans({ db, door, page }: { db: Db; door?: string; page: number }) {
  const where: Prisma.CheckInWhereInput = door ? { door } : {};
  const [total, rows] = await Promise.all([
    db.checkIn.count({ where }),
    db.checkIn.findMany({
      where,
      select: {
        id: true,
        door: true,
        scannedAt: true,
        device: true,
        walkIn: true,
        undoneAt: true,
        session: { select: { title: true } },
        ticket: { select: { registration: { select: { surname: true, firstName: true, patronymic: true } } } },
      },
      orderBy: [{ scannedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * RECENT_PAGE,
      take: RECENT_PAGE,
    }),
  ]);
  return {
    page,
    pageCount: Math.max(1, Math.ceil(total / RECENT_PAGE)),
    items: rows.map((r) => ({
      id: r.id,
      door: r.door,
      place: r.session?.title ?? null,
      scannedAt: r.scannedAt,
      device: r.device,
      walkIn: r.walkIn,
      undone: r.undoneAt !== null,
      name: fullName(r.ticket.registration),
    })),
  };
}

/** Undoes a mistaken scan (audited); devices see it on their next pull. */
export async function undoScan({
  db,
  actor,
  checkInId,
  now = new Date(),
}: {
  db: Db;
  actor: SessionUser;
  checkInId: string;
  now?: Date;
}) {
  return inTransaction(db, async (tx) => {
    const scan = await tx.checkIn.findUnique({
      where: { id: checkInId },
      select: { id: true, door: true, ticketId: true, undoneAt: true },
    });
    if (!scan) throw new AppError("NOT_FOUND", errorsT("scanNotFound"));
    if (scan.undoneAt) throw new AppError("CONFLICT", errorsT("alreadyUndone"));
    await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE "id" = ${scan.ticketId} FOR UPDATE`;
    await tx.checkIn.update({ where: { id: scan.id }, data: { undoneAt: now, syncedAt: now } });
    await recordAudit(tx, {
      actor,
      action: "checkin.undo",
      entity: "CheckIn",
      entityId: scan.id,
      before: { door: scan.door, undone: false },
      after: { door: scan.door, undone: true },
    });
    return { id: scan.id };
  });
}

/** Organisers make a participant check-in staff, or take it back (audited). */
export async function setCheckinStaff({
  db,
  actor,
  email,
  staff,
}: {
  db: Db;
  actor: SessionUser;
  email: string;
  staff: boolean;
}) {
  const result = await inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", errorsT("noSuchUser"));
    if (user.id === actor.id) throw new AppError("BAD_REQUEST", errorsT("notYourself"));
    const from = staff ? "PARTICIPANT" : "CHECKIN";
    if (user.role !== from) throw new AppError("CONFLICT", errorsT(staff ? "notParticipant" : "notStaff"));
    const to = staff ? "CHECKIN" : "PARTICIPANT";
    await tx.user.update({ where: { id: user.id }, data: { role: to } });
    await recordAudit(tx, {
      actor,
      action: "user.role",
      entity: "User",
      entityId: user.id,
      before: { role: from },
      after: { role: to },
    });
    return { email: user.email, role: to };
  });
  forgetCachedSessions();
  return result;
}

/** The check-in staff accounts. */
export async function listCheckinStaff({ db }: { db: Db }) {
  return db.user.findMany({
    where: { role: "CHECKIN" },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  });
}
