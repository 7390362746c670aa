import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createSession,
  uid,
} from "~/server/test/factories";
import { hashSecret } from "~/server/tickets/secret";

let testDb: TestDb;
let db: Db;
let editionId: string;
let staff: SessionUser;
const DAY = "2025-08-25";
const ENTRANCE = `entrance:${DAY}`;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "127.0.0.1" }));

/** A confirmed participant and the hash of their ticket's QR text (what a device sends). */
async function personWithTicket(over: Parameters<typeof createParticipant>[2] = {}) {
  const p = await createParticipant(db, editionId, { surname: `Сканова${uid()}`, ...over });
  const ticket = await as(p).ticket.mine();
  return { ...p, hash: hashSecret(ticket!.secret) };
}

const scan = (ticketHash: string, over: { at?: Date; walkIn?: boolean; id?: string } = {}) => ({
  id: over.id ?? randomUUID(),
  ticketHash,
  scannedAt: over.at ?? new Date(),
  walkIn: over.walkIn ?? false,
});

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  // The factory makes registrations without moving the counter; a cancel moves it down.
  await db.edition.update({ where: { id: editionId }, data: { registrationCount: 1000 } });
  staff = await createParticipant(db, editionId, { role: "CHECKIN" });
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

describe("scan decisions", () => {
  it("admits at the entrance, then says «already» with when and which device", async () => {
    const p = await personWithTicket();
    const first = await as(staff).checkin.scan({ door: ENTRANCE, device: "Вход 1", scans: [scan(p.hash)] });
    expect(first.results[0]).toMatchObject({
      result: "admitted",
      walkIn: false,
      person: { organisation: expect.any(String) },
    });
    const again = await as(staff).checkin.scan({ door: ENTRANCE, device: "Вход 2", scans: [scan(p.hash)] });
    expect(again.results[0]).toMatchObject({ result: "duplicate", device: "Вход 1" });
    // Staff never receive email or phone.
    expect(JSON.stringify(again)).not.toContain(p.email);
    expect(JSON.stringify(again)).not.toContain("+7999");
  });

  it("says unknown for a code that is no ticket, revoked for a cancelled or reissued one", async () => {
    const unknown = await as(staff).checkin.scan({
      door: ENTRANCE,
      device: "Вход 1",
      scans: [scan(hashSecret("not a ticket"))],
    });
    expect(unknown.results[0]).toMatchObject({ result: "unknown", person: null });

    const cancelled = await personWithTicket();
    await as(cancelled).account.cancelRegistration();
    const reissued = await personWithTicket();
    await as(await createOrganiser(db)).ticket.reissue({ registrationId: reissued.registrationId });
    const res = await as(staff).checkin.scan({
      door: ENTRANCE,
      device: "Вход 1",
      scans: [scan(cancelled.hash), scan(reissued.hash)],
    });
    expect(res.results.map((r) => r.result)).toEqual(["revoked", "revoked"]);
    expect(await db.checkIn.count({ where: { ticket: { secretHash: { in: [cancelled.hash, reissued.hash] } } } })).toBe(
      0,
    );
  });

  it("at a session door: booked are admitted, others are offered a walk-in while seats are left", async () => {
    const session = await createSession(db, { editionId, title: `Зал ${uid()}`, capacity: 2, day: DAY });
    await db.programmeSession.update({ where: { id: session.id }, data: { status: "PUBLISHED" } });
    const door = `session:${session.id}`;
    const booked = await personWithTicket();
    await createBooking(db, session.id, booked.id);
    const walker = await personWithTicket();
    const late = await personWithTicket();

    const res = await as(staff).checkin.scan({ door, device: "Зал А", scans: [scan(booked.hash), scan(walker.hash)] });
    expect(res.results[0]).toMatchObject({ result: "admitted", walkIn: false });
    expect(res.results[1]).toMatchObject({ result: "notBooked", seatsLeft: 1 });
    const walkIn = await as(staff).checkin.scan({
      door,
      device: "Зал А",
      scans: [scan(walker.hash, { walkIn: true })],
    });
    expect(walkIn.results[0]).toMatchObject({ result: "admitted", walkIn: true });
    const full = await as(staff).checkin.scan({ door, device: "Зал А", scans: [scan(late.hash, { walkIn: true })] });
    expect(full.results[0]).toMatchObject({ result: "full" });

    const manifest = await as(staff).checkin.manifest({ door });
    expect(manifest.session).toMatchObject({ capacity: 2, booked: 1, walkIns: 1 });
    expect(manifest.people.find((x) => x.hash === booked.hash)?.booked).toBe(true);
    expect(manifest.people.find((x) => x.hash === walker.hash)?.booked).toBe(false);
    expect(manifest.scans.map((s) => s.hash).sort()).toEqual([booked.hash, walker.hash].sort());
  });

  it("refuses doors that do not exist and input that is not a scan", async () => {
    const bad = await as(staff)
      .checkin.scan({ door: "entrance:2030-01-01", device: "Вход 1", scans: [scan(hashSecret("x"))] })
      .catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe("NOT_FOUND");
    const malformed = await as(staff)
      .checkin.scan({ door: ENTRANCE, device: "Вход 1", scans: [{ ...scan("zz"), id: "1" }] })
      .catch((e: unknown) => e);
    expect((malformed as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("sync from many devices", () => {
  it("treats a re-sent batch as a success and records nothing twice", async () => {
    const a = await personWithTicket();
    const b = await personWithTicket();
    const batch = { door: ENTRANCE, device: "Планшет 3", scans: [scan(a.hash), scan(b.hash), scan(a.hash)] };
    const first = await as(staff).checkin.scan(batch);
    const again = await as(staff).checkin.scan(batch);
    expect(first.results.map((r) => r.result)).toEqual(["admitted", "admitted", "duplicate"]);
    expect(again.results.map((r) => r.result)).toEqual(first.results.map((r) => r.result));
    expect(await db.checkIn.count({ where: { id: { in: batch.scans.map((s) => s.id) } } })).toBe(3);
  });

  it("lets the first scan by scan time win when two offline devices admitted the same ticket", async () => {
    const p = await personWithTicket();
    const t0 = new Date(Date.now() - 60_000);
    const fromA = scan(p.hash, { at: t0 });
    const fromB = scan(p.hash, { at: new Date(t0.getTime() + 5_000) });
    // B comes back online first: admitted for now.
    const b = await as(staff).checkin.scan({ door: ENTRANCE, device: "Б", scans: [fromB] });
    expect(b.results[0]!.result).toBe("admitted");
    // A scanned earlier and syncs later: A is the admission, B's scan is a repeat.
    const a = await as(staff).checkin.scan({ door: ENTRANCE, device: "А", scans: [fromA] });
    expect(a.results[0]!.result).toBe("admitted");
    const bAgain = await as(staff).checkin.scan({ door: ENTRANCE, device: "Б", scans: [fromB] });
    expect(bAgain.results[0]).toMatchObject({ result: "duplicate", device: "А" });
    // Both devices pull the same two scans.
    const pulled = await as(staff).checkin.changes({ door: ENTRANCE, since: new Date(t0.getTime() - 1) });
    const mine = pulled.scans.filter((s) => s.hash === p.hash);
    expect(mine.map((s) => s.device).sort()).toEqual(["А", "Б"]);
  });

  it("admits a ticket once when two devices scan it at the same moment online", async () => {
    const p = await personWithTicket();
    const at = new Date();
    const results = await Promise.all(
      ["1", "2", "3"].map((d) =>
        as(staff).checkin.scan({ door: ENTRANCE, device: `Вход ${d}`, scans: [scan(p.hash, { at })] }),
      ),
    );
    const outcomes = results.map((r) => r.results[0]!.result).sort();
    expect(outcomes).toEqual(["admitted", "duplicate", "duplicate"]);
  });
});

describe("finding people and the organisers' console", () => {
  it("finds a person by name or email and shows whether they are in, without their email", async () => {
    const surname = `Потерянная${uid()}`;
    const p = await personWithTicket({ surname });
    const byName = await as(staff).checkin.find({ door: ENTRANCE, q: surname.toLowerCase() });
    expect(byName).toHaveLength(1);
    expect(byName[0]).toMatchObject({ hash: p.hash, admitted: null });
    expect(JSON.stringify(byName)).not.toContain(p.email);
    const byEmail = await as(staff).checkin.find({ door: ENTRANCE, q: p.email });
    expect(byEmail.map((x) => x.hash)).toEqual([p.hash]);
    await as(staff).checkin.scan({ door: ENTRANCE, device: "Стойка", scans: [scan(p.hash)] });
    expect((await as(staff).checkin.find({ door: ENTRANCE, q: surname }))[0]!.admitted).toMatchObject({
      device: "Стойка",
    });
  });

  it("counts admissions per door and lets an organiser undo a mistaken scan (audited)", async () => {
    const organiser = await createOrganiser(db);
    const p = await personWithTicket();
    const before = (await as(organiser).checkin.counts()).days.find((d) => d.day === DAY)!.entrance.admitted;
    const s = scan(p.hash);
    await as(staff).checkin.scan({ door: ENTRANCE, device: "Вход 1", scans: [s] });
    expect((await as(organiser).checkin.counts()).days.find((d) => d.day === DAY)!.entrance.admitted).toBe(before + 1);
    await as(organiser).checkin.undo({ checkInId: s.id });
    expect((await as(organiser).checkin.counts()).days.find((d) => d.day === DAY)!.entrance.admitted).toBe(before);
    expect(await db.auditLog.count({ where: { action: "checkin.undo", entityId: s.id, actorId: organiser.id } })).toBe(
      1,
    );
    const twice = await as(organiser)
      .checkin.undo({ checkInId: s.id })
      .catch((e: unknown) => e);
    expect((twice as TRPCError).code).toBe("CONFLICT");
    // Scanned again after the undo: admitted.
    const again = await as(staff).checkin.scan({ door: ENTRANCE, device: "Вход 1", scans: [scan(p.hash)] });
    expect(again.results[0]!.result).toBe("admitted");
    // Check-in staff cannot undo.
    const refused = await as(staff)
      .checkin.undo({ checkInId: s.id })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
  });

  it("lets organisers make a participant check-in staff and back, and nobody else", async () => {
    const organiser = await createOrganiser(db);
    const p = await createParticipant(db, editionId);
    await as(organiser).checkin.setStaff({ email: p.email, staff: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).role).toBe("CHECKIN");
    expect((await as(organiser).checkin.staff()).map((u) => u.email)).toContain(p.email);
    const other = await createOrganiser(db);
    const refused = await as(organiser)
      .checkin.setStaff({ email: other.email, staff: true })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe("CONFLICT");
    await as(organiser).checkin.setStaff({ email: p.email, staff: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).role).toBe("PARTICIPANT");
    expect(await db.auditLog.count({ where: { action: "user.role", entityId: p.id } })).toBe(2);
  });
});
