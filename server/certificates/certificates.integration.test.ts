import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { myCertificatePdf, verifyUrl } from "~/server/certificates/service";
import type { Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createParticipant, createSession, uid } from "~/server/test/factories";
import { hashSecret } from "~/server/tickets/secret";
import { pdfQrCodes, pdfText } from "~/server/tickets/testing";

let testDb: TestDb;
let db: Db;
let editionId: string;
let staff: SessionUser;
let ip = 0;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "127.0.0.1" }));
const guest = (address = `10.7.${Math.floor(++ip / 250)}.${ip % 250}`) =>
  createCaller(createContextInner({ db, ip: address }));

async function scanAt(door: string, person: SessionUser) {
  const ticket = await as(person).ticket.mine();
  await as(staff).checkin.scan({
    door,
    device: "Зал",
    scans: [{ id: randomUUID(), ticketHash: hashSecret(ticket!.secret), scannedAt: new Date(), walkIn: true }],
  });
}

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  await db.edition.update({ where: { id: editionId }, data: { registrationCount: 1000 } });
  staff = await createParticipant(db, editionId, { role: "CHECKIN" });
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

describe("certificates", () => {
  it("lists the sessions attended by door scan with the hours, and its code verifies publicly", async () => {
    const title = `Цифровые кафедры ${uid()}`;
    const session = await createSession(db, { editionId, title, day: "2025-08-27", start: "10:00", end: "11:30" });
    await db.programmeSession.update({ where: { id: session.id }, data: { status: "PUBLISHED" } });
    const p = await createParticipant(db, editionId, { surname: "Сертификатова", firstName: "Ольга" });
    expect(await as(p).certificate.mine()).toBeNull();
    await scanAt("entrance:2025-08-27", p);
    // The entrance alone is no session attended.
    expect(await as(p).certificate.mine()).toBeNull();
    await scanAt(`session:${session.id}`, p);

    const cert = await as(p).certificate.mine();
    expect(cert).toMatchObject({ sessions: 1, hours: "1,5" });
    expect(cert!.code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);

    const pdf = await myCertificatePdf({ db, user: p });
    const text = pdfText(pdf);
    expect(text).toContain("Сертификатова Ольга Сергеевна");
    expect(text).toContain(title);
    expect(text).toContain("Всего: 1,5 ч");
    expect(text).toContain(cert!.code);
    expect(text).toContain("Организационный комитет форума");
    expect(verifyUrl(cert!.code)).toMatch(new RegExp(`/verify/${cert!.code}$`));
    expect(pdfQrCodes(pdf)).toEqual([[verifyUrl(cert!.code)]]);

    const ok = await guest().certificate.verify({ code: cert!.code.toLowerCase() });
    expect(ok).toEqual({
      status: "valid",
      name: "Сертификатова Ольга Сергеевна",
      dates: "25–29 августа 2025 · Калуга",
      hours: "1,5",
    });
    // The same certificate on a second download.
    expect((await as(p).certificate.mine())!.code).toBe(cert!.code);

    await as(p).account.cancelRegistration();
    expect(await guest().certificate.verify({ code: cert!.code })).toEqual({ status: "revoked" });
  });

  it("says unknown for codes that are not certificates", async () => {
    for (const code of ["ABCDEFGHJKMN", "not a code", "0000"]) {
      expect(await guest().certificate.verify({ code })).toEqual({ status: "unknown" });
    }
  });

  it("limits verification lookups per address", async () => {
    const address = "10.250.0.1";
    for (let i = 0; i < 60; i++) await guest(address).certificate.verify({ code: "ABCDEFGHJKMN" });
    const error = await guest(address)
      .certificate.verify({ code: "ABCDEFGHJKMN" })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("TOO_MANY_REQUESTS");
  });
});
