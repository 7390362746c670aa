import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { getOutboxMessage, listOutbox } from "~/server/mail/service";
import { createTestDb, type TestDb } from "~/server/test/db";
import { uid } from "~/server/test/factories";

let testDb: TestDb;
let db: Db;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  // The viewer answers only requests whose TCP peer is this machine.
  api = createCaller(createContextInner({ db, loopback: true }));
});

afterAll(async () => {
  await testDb?.close();
});

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
});

async function createMessages(count: number, to: (i: number) => string) {
  const base = Date.parse("2026-08-25T07:00:00Z");
  for (let i = 0; i < count; i += 1) {
    await db.outboxMessage.create({
      data: {
        kind: "test.message",
        to: to(i),
        subject: `Письмо №${i}`,
        text: `Текст ${i}`,
        html: `<p>Текст ${i}</p>`,
        createdAt: new Date(base + i * 60_000),
      },
    });
  }
}

describe("devMail viewer", () => {
  it("lists the newest messages first, 20 a page", async () => {
    await createMessages(25, (i) => `person-${i}@example.org`);

    const first = await api.devMail.list({});
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2, smtpConfigured: Boolean(env.SMTP_URL) });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ subject: "Письмо №24", to: "person-24@example.org", status: "PENDING" });
    expect(first.items[19]!.subject).toBe("Письмо №5");

    const second = await api.devMail.list({ page: 2 });
    expect(second.items.map((m) => m.subject)).toEqual([
      "Письмо №4",
      "Письмо №3",
      "Письмо №2",
      "Письмо №1",
      "Письмо №0",
    ]);

    // A page past the end shows the last one.
    expect((await api.devMail.list({ page: 9 })).page).toBe(2);
  });

  it("filters by recipient, ignoring case", async () => {
    const who = `Anna-${uid()}@Example.org`;
    await createMessages(3, (i) => (i === 1 ? who : `other-${i}@example.org`));
    const list = await api.devMail.list({ to: who.toLowerCase() });
    expect(list.total).toBe(1);
    expect(list.items[0]!.subject).toBe("Письмо №1");
  });

  it("shows one message and says NOT_FOUND for an unknown one", async () => {
    await createMessages(1, () => "one@example.org");
    const [only] = (await api.devMail.list({})).items;
    expect(await api.devMail.message({ id: only!.id })).toMatchObject({ html: "<p>Текст 0</p>", attempts: 0 });
    await expect(api.devMail.message({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("does not exist when the viewer is off (production without DEV_MAIL_VIEWER)", async () => {
    await createMessages(1, () => "secret@example.org");
    const [only] = await db.outboxMessage.findMany();
    await expect(listOutbox({ db, input: { page: 1 }, enabled: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOutboxMessage({ db, input: { id: only!.id }, enabled: false })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("does not exist for a peer on the network, whatever it claims", async () => {
    await createMessages(1, () => "admin@example.org");
    const [only] = await db.outboxMessage.findMany();
    const remote = createCaller(createContextInner({ db, loopback: false, ip: "127.0.0.1" }));
    await expect(remote.devMail.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(remote.devMail.message({ id: only!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("validates input", async () => {
    await expect(api.devMail.list({ page: 0 })).rejects.toBeInstanceOf(TRPCError);
    await expect(api.devMail.list({ page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
