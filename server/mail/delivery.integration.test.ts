import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { prismaOverPostgres } from "~/server/db/client";
import { layoutMail } from "~/server/mail/layout";
import { enqueueMail } from "~/server/mail/outbox";
import { LEASE_MS, MAX_ATTEMPTS } from "~/server/mail/rules";
import {
  closedPort,
  decodeHeader,
  parseMail,
  smtpTestTransport,
  startSmtpSink,
  type SmtpSink,
} from "~/server/mail/testing/smtp-sink";
import { unrecordedSends } from "~/server/mail/delivery";
import { deliverDueMail, startMailWorker } from "~/server/mail/worker";
import { createTestDb, type TestDb } from "~/server/test/db";
import { uid } from "~/server/test/factories";

const FROM = "Форум СПО <noreply@forum-spo.local>";
const MIN = 60_000;
const quiet = () => {};

let testDb: TestDb;
let db: Db;
let sink: SmtpSink;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
  await testDb?.close();
});

beforeEach(async () => {
  // Each test sees only its own messages: a run claims every due message in the table.
  await db.outboxMessage.deleteMany();
  sink.reset();
});

async function enqueue(over: { to?: string; subject?: string } = {}) {
  const to = over.to ?? `user-${uid()}@example.org`;
  const mail = layoutMail(
    {
      subject: over.subject ?? "Подтвердите регистрацию на форуме",
      greeting: "Здравствуйте, Анна!",
      paragraphs: ["Вы зарегистрировались на форуме СПО. Осталось подтвердить адрес электронной почты."],
      action: { label: "Подтвердить адрес", url: `http://localhost:3000/confirm?token=${uid()}` },
      footnote: "Ссылка действует 24 часа.",
    },
    "http://localhost:3000",
  );
  await enqueueMail(db, { ...mail, kind: "registration.confirm", to });
  return db.outboxMessage.findFirstOrThrow({ where: { to } });
}

const deliver = (over: Partial<Parameters<typeof deliverDueMail>[0]> = {}) =>
  deliverDueMail({ db, transport: sink.transport(), from: FROM, log: quiet, ...over });

describe("deliverDueMail", () => {
  it("sends a due message over SMTP as multipart text and HTML and marks it SENT", async () => {
    const message = await enqueue({ to: "anna@example.org" });

    const result = await deliver();

    expect(result).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect(sink.received).toHaveLength(1);
    const received = sink.received[0]!;
    expect(received.envelopeTo).toEqual(["anna@example.org"]);
    const mail = parseMail(received.raw);
    expect(mail.headers.get("to")).toBe("anna@example.org");
    expect(decodeHeader(mail.headers.get("subject")!)).toBe("Подтвердите регистрацию на форуме");
    expect(decodeHeader(mail.headers.get("from")!)).toContain("Форум СПО");
    expect(mail.headers.get("from")).toContain("<noreply@forum-spo.local>");
    expect(mail.headers.get("message-id")).toBe(`<outbox-${message.id}@forum-spo.local>`);
    expect(mail.headers.get("x-outbox-id")).toBe(message.id);
    expect(mail.headers.get("content-type")).toMatch(/^multipart\/alternative;/);

    const text = mail.parts.find((p) => p.headers.get("content-type")?.startsWith("text/plain"));
    const html = mail.parts.find((p) => p.headers.get("content-type")?.startsWith("text/html"));
    expect(text?.headers.get("content-type")).toMatch(/charset=utf-8/i);
    expect(text?.body).toContain("Здравствуйте, Анна!");
    expect(text?.body).toContain("Осталось подтвердить адрес электронной почты.");
    expect(text?.body.replace(/\r\n/g, "\n")).toBe(message.text);
    expect(html?.body).toContain('<a href="http://localhost:3000/confirm?token=');
    expect(html?.body).toContain("Подтвердить адрес");

    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    expect(await deliver()).toMatchObject({ claimed: 0, sent: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it("leaves messages that are not due yet", async () => {
    const message = await enqueue();
    await db.outboxMessage.update({ where: { id: message.id }, data: { nextAttemptAt: new Date(Date.now() + MIN) } });

    expect(await deliver()).toMatchObject({ claimed: 0 });
    expect(await deliver({ now: new Date(Date.now() + 2 * MIN) })).toMatchObject({ claimed: 1, sent: 1 });
  });

  it("schedules a retry when the server refuses, and the retry delivers", async () => {
    const message = await enqueue();
    sink.failing = true;
    const now = new Date();

    expect(await deliver({ now })).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });

    let row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(row.lastError).toContain("450");
    expect(row.lastError).toContain("Mailbox busy");
    const wait = row.nextAttemptAt.getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(MIN);
    expect(wait).toBeLessThan(MIN + 10_000);
    expect(sink.received).toHaveLength(0);

    // Not due again before the back-off ends, even with the server back.
    sink.failing = false;
    expect(await deliver({ now: new Date(now.getTime() + 30_000) })).toMatchObject({ claimed: 0 });

    expect(await deliver({ now: new Date(now.getTime() + MIN + 10_000) })).toMatchObject({ sent: 1 });
    row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(sink.received).toHaveLength(1);
  });

  it("gives a message up as FAILED after the last attempt (connection refused)", async () => {
    const message = await enqueue();
    const transport = smtpTestTransport(await closedPort());
    let now = new Date();

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const result = await deliver({ transport, now });
      expect(result.claimed).toBe(1);
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain("ECONNREFUSED");
      expect(row.status).toBe(attempt < MAX_ATTEMPTS ? "PENDING" : "FAILED");
      now = new Date(row.nextAttemptAt.getTime() + 1_000);
    }

    expect(await deliver({ now: new Date(now.getTime() + 24 * 60 * MIN) })).toMatchObject({ claimed: 0 });
  });

  it("keeps a claimed message from other workers until its lease ends", async () => {
    const message = await enqueue();
    const now = new Date();
    // Another worker claimed it (attempt 1) and is still within its lease.
    await db.outboxMessage.update({
      where: { id: message.id },
      data: { attempts: 1, lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });

    expect(await deliver({ now })).toMatchObject({ claimed: 0 });

    // That worker died: after the lease anyone may take the message over, as a new attempt.
    expect(await deliver({ now: new Date(now.getTime() + LEASE_MS + 1_000) })).toMatchObject({ sent: 1 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("gives up a message whose worker died during its last attempt", async () => {
    const message = await enqueue();
    const now = new Date();
    await db.outboxMessage.update({
      where: { id: message.id },
      data: { attempts: MAX_ATTEMPTS, lockedUntil: new Date(now.getTime() - 1_000) },
    });

    expect(await deliver({ now })).toMatchObject({ claimed: 0 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/stopped during the last attempt/);
    expect(sink.received).toHaveLength(0);
  });

  it("returns claimed messages to the queue when aborted, without spending an attempt", async () => {
    const message = await enqueue();
    const abort = new AbortController();
    abort.abort();

    expect(await deliver({ signal: abort.signal })).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null });
    expect(await deliver()).toMatchObject({ sent: 1 });
  });

  it("does not send again a message the SMTP server took while the database was away", async () => {
    const message = await enqueue();
    // The database goes away right after the SMTP server accepted the message.
    let away = true;
    const flaky = new Proxy(db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== "outboxMessage") return value;
        return new Proxy(value as object, {
          get(model, name, r) {
            const fn = Reflect.get(model, name, r) as unknown;
            if (name !== "updateMany" || typeof fn !== "function") return fn;
            return (args: { data?: { status?: string } }) => {
              if (away && args.data?.status === "SENT") throw new Error("Connection terminated unexpectedly");
              return (fn as (a: unknown) => unknown).call(model, args);
            };
          },
        });
      },
    }) as Db;
    const now = new Date();
    await expect(deliver({ db: flaky, now })).rejects.toThrow(/Connection terminated/);
    expect(sink.received).toHaveLength(1);
    expect(unrecordedSends()).toBe(1);

    // Back after the lease would have run out: the send is recorded before anything is claimed.
    away = false;
    const next = await deliver({ now: new Date(now.getTime() + LEASE_MS + 5_000) });
    expect(next.claimed).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect(unrecordedSends()).toBe(0);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
    });
  });

  it("never sends a message twice with several workers at once", async () => {
    const count = 40;
    for (let i = 0; i < count; i += 1) await enqueue({ to: `crowd-${i}-${uid()}@example.org` });
    sink.delayMs = 5;
    // On PostgreSQL every worker gets its own client (its own connections), like separate app instances.
    const clients: Db[] =
      testDb.kind === "postgres" && testDb.url ? [1, 2, 3, 4].map(() => prismaOverPostgres(testDb.url!)) : [db, db];
    try {
      const worker = async (client: Db, n: number) => {
        let sent = 0;
        for (;;) {
          const result = await deliverDueMail({
            db: client,
            transport: sink.transport(),
            from: FROM,
            batchSize: 3,
            workerId: `w${n}`,
            log: quiet,
          });
          sent += result.sent;
          if (result.claimed === 0) return sent;
        }
      };
      const perWorker = await Promise.all(clients.map((client, n) => worker(client, n)));

      expect(perWorker.reduce((a, b) => a + b, 0)).toBe(count);
      const ids = sink.received.map((r) => parseMail(r.raw).headers.get("x-outbox-id"));
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      expect(await db.outboxMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(count);
    } finally {
      if (clients[0] !== db) await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });
});

describe("startMailWorker", () => {
  it("sends mail in the background and stops cleanly", async () => {
    const message = await enqueue();
    const lines: string[] = [];
    const worker = startMailWorker({
      getDb: async () => db,
      intervalMs: 100,
      transport: sink.transport(),
      log: (line) => lines.push(line),
    });
    try {
      expect(worker.sending).toBe(true);
      expect(startMailWorker({ getDb: async () => db, transport: null })).toBe(worker);
      await expect
        .poll(async () => (await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status, {
          timeout: 10_000,
        })
        .toBe("SENT");
    } finally {
      await worker.stop();
    }
    expect(sink.received).toHaveLength(1);
    expect(lines).toEqual([]);

    // Stopped: a new message stays in the outbox.
    const later = await enqueue();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("PENDING");
  });

  it("without a transport only keeps house and says so once", async () => {
    const message = await enqueue();
    const lines: string[] = [];
    const worker = startMailWorker({
      getDb: async () => db,
      intervalMs: 100,
      transport: null,
      log: (l) => lines.push(l),
    });
    try {
      expect(worker.sending).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await worker.stop();
    }
    expect(lines).toEqual(["[mail] SMTP_URL is not set: mail is not sent; it stays in the outbox (see /dev/mail)."]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });
  });

  it("logs a failing run briefly and only once while it keeps failing", async () => {
    const lines: string[] = [];
    const worker = startMailWorker({
      getDb: () => Promise.reject(new Error("database is down\nstack trace here")),
      intervalMs: 100,
      transport: sink.transport(),
      log: (l) => lines.push(l),
    });
    await new Promise((resolve) => setTimeout(resolve, 450));
    await worker.stop();
    expect(lines).toEqual(["[mail] worker run failed: database is down"]);
  });
});
