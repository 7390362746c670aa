import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createOrganiser, createParticipant, createSession, uid } from "~/server/test/factories";
import { hashSecret } from "~/server/tickets/secret";

let testDb: TestDb;
let db: Db;
let editionId: string;
let staff: SessionUser;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "127.0.0.1" }));

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  staff = await createParticipant(db, editionId, { role: "CHECKIN" });
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

describe("feedback", () => {
  it("lets people scanned at the door rate an ended session once, and shows organisers the results", async () => {
    // The test edition is in 2025: its sessions have ended.
    const title = `Отзывы ${uid()}`;
    const session = await createSession(db, { editionId, title, day: "2025-08-28" });
    await db.programmeSession.update({ where: { id: session.id }, data: { status: "PUBLISHED" } });
    const attended = await createParticipant(db, editionId);
    const absent = await createParticipant(db, editionId);
    const ticket = await as(attended).ticket.mine();
    await as(staff).checkin.scan({
      door: `session:${session.id}`,
      device: "Зал",
      scans: [{ id: randomUUID(), ticketHash: hashSecret(ticket!.secret), scannedAt: new Date(), walkIn: true }],
    });

    expect((await as(attended).feedback.mine()).map((s) => s.title)).toEqual([title]);
    expect(await as(absent).feedback.mine()).toEqual([]);
    await as(attended).feedback.give({
      sessionId: session.id,
      rating: 4,
      comment: "Полезно, но мало времени на вопросы",
    });
    const twice = await as(attended)
      .feedback.give({ sessionId: session.id, rating: 5, comment: "" })
      .catch((e: unknown) => e);
    expect((twice as TRPCError).code).toBe("CONFLICT");
    const stranger = await as(absent)
      .feedback.give({ sessionId: session.id, rating: 1, comment: "" })
      .catch((e: unknown) => e);
    expect((stranger as TRPCError).code).toBe("FORBIDDEN");
    const bad = await as(attended)
      .feedback.give({ sessionId: session.id, rating: 9, comment: "" })
      .catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    expect(bad).toMatchObject({
      cause: { issues: [expect.objectContaining({ path: ["rating"], message: "Выберите оценку от 1 до 5." })] },
    });
    // In the caller's language: the schema's key and the service's error alike.
    const english = { ...attended, locale: "en" };
    await expect(as(english).feedback.give({ sessionId: session.id, rating: 9, comment: "" })).rejects.toMatchObject({
      cause: { issues: [expect.objectContaining({ path: ["rating"], message: "Choose a rating from 1 to 5." })] },
    });
    await expect(as(english).feedback.give({ sessionId: session.id, rating: 5, comment: "" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You have already rated this event.",
    });

    const results = await as(await createOrganiser(db)).feedback.results();
    const mine = results.find((r) => r.id === session.id)!;
    expect(mine).toMatchObject({ n: 1, average: 4 });
    expect(mine.comments.map((c) => c.comment)).toEqual(["Полезно, но мало времени на вопросы"]);
    expect(JSON.stringify(results)).not.toContain(attended.email);
    expect((await as(attended).feedback.mine())[0]!.feedback).toMatchObject({ rating: 4 });
  });
});
