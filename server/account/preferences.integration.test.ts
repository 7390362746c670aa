import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { createEdition, createParticipant } from "~/server/test/factories";
import { createTestDb, type TestDb } from "~/server/test/db";

let testDb: TestDb;
let db: Db;
let editionId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
});
afterAll(async () => {
  await testDb?.close();
});

const as = (user: SessionUser) => createCaller(createContextInner({ db, user }));

describe("language and time zone of a signed-in person", () => {
  it("stores the choice; errors then come in that language", async () => {
    const p = await createParticipant(db, editionId);
    const user: SessionUser = { id: p.id, email: p.email, role: "PARTICIPANT" };
    await expect(as(user).account.setPreferences({ locale: "en", timeZone: "Asia/Yekaterinburg" })).resolves.toEqual({
      locale: "en",
      timeZone: "Asia/Yekaterinburg",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { locale: true, timeZone: true } });
    expect(row).toEqual({ locale: "en", timeZone: "Asia/Yekaterinburg" });

    // The session user carries the stored language, and the API answers in it.
    const english = { ...user, locale: "en" };
    await expect(as(english).booking.book({ sessionId: "no-such-session" })).rejects.toMatchObject({
      message: "There is no such event in the programme.",
    });
    await expect(as(user).booking.book({ sessionId: "no-such-session" })).rejects.toMatchObject({
      message: "Такого мероприятия в программе нет.",
    });

    // "" is Moscow time only.
    await as(user).account.setPreferences({ timeZone: "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).timeZone).toBeNull();
  });

  it("refuses an unknown language or zone field by field, in the caller's language, and changes nothing", async () => {
    const p = await createParticipant(db, editionId);
    const user: SessionUser = { id: p.id, email: p.email, role: "PARTICIPANT", locale: "en" };
    const error = await as(user)
      .account.setPreferences({ locale: "de" as never, timeZone: "Mars/Olympus" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: "Check the fields marked below.",
      cause: {
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ["locale"], message: "Choose Russian or English." }),
          expect.objectContaining({ path: ["timeZone"], message: "Unknown time zone." }),
        ]),
      },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: p.id }, select: { locale: true } })).toEqual({
      locale: null,
    });
  });

  it("a guest cannot store a choice (the cookie is theirs)", async () => {
    const guest = createCaller(createContextInner({ db }));
    await expect(guest.account.setPreferences({ locale: "en" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
