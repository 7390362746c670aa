import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { badgeFilter } from "~/server/badges/schema";
import { badgesPdf } from "~/server/badges/service";
import type { Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createSession,
  createTrack,
  uid,
} from "~/server/test/factories";
import { pdfQrCodes, pdfText } from "~/server/tickets/testing";

let testDb: TestDb;
let db: Db;
let editionId: string;
let organiser: SessionUser;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "127.0.0.1" }));
const filter = (raw: Record<string, string>) => badgeFilter.parse(raw);

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  organiser = await createOrganiser(db);
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

describe("badges", () => {
  it("prints four A6 badges per A4 sheet with each ticket's QR code, then only the new ones, reprints marked", async () => {
    const people = [];
    for (let i = 0; i < 5; i++) {
      const surname = `Бейджева${String.fromCharCode(1072 + i)}`;
      const p = await createParticipant(db, editionId, { surname, category: "EXPERT" });
      people.push({ ...p, surname, secret: (await as(p).ticket.mine())!.secret });
    }
    await createParticipant(db, editionId, { surname: "Студентова", category: "STUDENT" });

    const first = await badgesPdf({ db, actor: organiser, filter: filter({ category: "EXPERT", notPrinted: "1" }) });
    expect(first.count).toBe(5);
    const pages = pdfQrCodes(first.pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toHaveLength(4);
    expect(pages.flat().sort()).toEqual(people.map((p) => p.secret).sort());
    const text = pdfText(first.pdf);
    for (const p of people) expect(text).toContain(`${p.surname} Анна Сергеевна`);
    expect(text).not.toContain("Студентова");
    expect(text).not.toMatch(/повторная печать/i);
    expect(await db.auditLog.count({ where: { action: "badges.print", actorId: organiser.id } })).toBe(1);

    // Not yet printed: nothing left in that category.
    await expect(
      badgesPdf({ db, actor: organiser, filter: filter({ category: "EXPERT", notPrinted: "1" }) }),
    ).rejects.toThrow("Нет бейджей");
    // A reprint says so on the badge.
    const again = await badgesPdf({ db, actor: organiser, filter: filter({ category: "EXPERT" }) });
    expect(pdfText(again.pdf)).toMatch(/повторная печать/i);
  }, 120_000);

  it("filters by track (people booked into its sessions) and by region", async () => {
    const track = await createTrack(db, editionId);
    const session = await createSession(db, { editionId, trackId: track.id, title: `Трек ${uid()}` });
    const inTrack = await createParticipant(db, editionId, { surname: "Трекова" });
    await createBooking(db, session.id, inTrack.id);
    await createParticipant(db, editionId, { surname: "Внетрекова" });
    const byTrack = await badgesPdf({ db, actor: organiser, filter: filter({ trackId: track.id }) });
    expect(byTrack.count).toBe(1);
    expect(pdfText(byTrack.pdf)).toContain("Трекова");

    const region = await db.region.create({
      data: { code: `r${uid()}`, name: "Тульская область", federalDistrict: "CENTRAL", sortOrder: 2 },
    });
    await createParticipant(db, editionId, { surname: "Регионова", regionId: region.id });
    const byRegion = await badgesPdf({ db, actor: organiser, filter: filter({ regionId: String(region.id) }) });
    expect(byRegion.count).toBe(1);
    expect(pdfText(byRegion.pdf)).toContain("Тульская область");
  }, 120_000);

  it("refuses filters that are not filters", () => {
    expect(badgeFilter.safeParse({ category: "ASTRONAUT" }).success).toBe(false);
    expect(badgeFilter.safeParse({ regionId: "abc" }).success).toBe(false);
  });
});
