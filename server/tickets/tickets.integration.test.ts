import type { TRPCError } from "@trpc/server";
import type Mail from "nodemailer/lib/mailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { withLocale } from "~/server/i18n/translate";
import { deliverDueMail } from "~/server/mail/delivery";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createOrganiser, createParticipant, registrationForm, uid } from "~/server/test/factories";
import { qrPng } from "~/server/tickets/pdf";
import { hashSecret } from "~/server/tickets/secret";
import { myTicketPdf } from "~/server/tickets/service";
import { pdfQrCodes, pdfText, pngQrCodes } from "~/server/tickets/testing";

let testDb: TestDb;
let db: Db;
let editionId: string;
let regionId: number;
let ip = 0;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: `10.9.0.${++ip % 250}` }));
const guest = () => createCaller(createContextInner({ db, ip: `10.8.${Math.floor(++ip / 250)}.${ip % 250}` }));

/** A transport that keeps what it was given (the attachment is read back with real readers). */
function captureTransport() {
  const sent: Mail.Options[] = [];
  return { sent, transport: { sendMail: async (m: Mail.Options) => void sent.push(m) } };
}

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  regionId = (
    await db.region.create({
      data: { code: "40", name: "Калужская область", federalDistrict: "CENTRAL", sortOrder: 1 },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

describe("tickets", () => {
  it("issues a ticket on confirmation and mails it as a PDF whose name and QR code read back", async () => {
    const email = `ticket-${uid()}@example.ru`;
    await guest().account.register(
      registrationForm({ email, regionId, surname: "Ёлкина", firstName: "Дарья", patronymic: "Игоревна" }),
    );
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, role: true } });
    expect(await as(user).ticket.mine()).toBeNull(); // pending: no ticket yet

    const confirmMail = await db.outboxMessage.findFirstOrThrow({ where: { to: email, kind: "registration.confirm" } });
    const token = /token=([\w-]+)/.exec(confirmMail.text)![1]!;
    await guest().account.confirm({ token });

    const ticket = await as(user).ticket.mine();
    expect(ticket).not.toBeNull();
    expect(ticket!.fullName).toBe("Ёлкина Дарья Игоревна");
    // 256-bit secret, not the user id; only its hash is stored.
    expect(ticket!.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ticket!.secret).not.toContain(user.id);
    const row = await db.ticket.findFirstOrThrow({ where: { registration: { userId: user.id } } });
    expect(row.secretHash).toBe(hashSecret(ticket!.secret));
    expect(Object.values(row).map(String)).not.toContain(ticket!.secret);
    // The same secret on every look.
    expect((await as(user).ticket.mine())!.secret).toBe(ticket!.secret);
    expect(pngQrCodes(await qrPng(ticket!.secret))).toEqual([ticket!.secret]);

    const { sent, transport } = captureTransport();
    await deliverDueMail({ db, transport });
    const mail = sent.find(
      (m) => m.to === email && m.headers && JSON.stringify(m.headers).includes("registration.ticket"),
    );
    expect(mail).toBeDefined();
    const attachment = (mail!.attachments ?? [])[0]!;
    expect(attachment.contentType).toBe("application/pdf");
    const pdf = attachment.content as Buffer;
    const text = pdfText(pdf);
    expect(text).toContain("Ёлкина Дарья Игоревна");
    expect(text).toContain("Калужский колледж");
    expect(text).toContain("Калужская область");
    expect(text).toContain("Преподаватель");
    expect(text).toContain("25–29 августа 2025 · Калуга");
    expect(pdfQrCodes(pdf)).toEqual([[ticket!.secret]]);
  }, 120_000);

  it("writes the ticket mail and its PDF in the recipient's language, and the download in the requester's", async () => {
    const email = `ticket-en-${uid()}@example.ru`;
    await guest().account.register(
      registrationForm({ email, regionId, surname: "Smith", firstName: "Anna", patronymic: "" }),
    );
    const user = await db.user.update({
      where: { email },
      data: { locale: "en" },
      select: { id: true, email: true, role: true },
    });
    const confirmMail = await db.outboxMessage.findFirstOrThrow({ where: { to: email, kind: "registration.confirm" } });
    await guest().account.confirm({ token: /token=([\w-]+)/.exec(confirmMail.text)![1]! });

    const queued = await db.outboxMessage.findFirstOrThrow({ where: { to: email, kind: "registration.ticket" } });
    expect(queued.subject).toBe("Registration confirmed: your SVE Forum ticket");
    expect(queued.text).toContain("Hello, Anna!");

    const { sent, transport } = captureTransport();
    await deliverDueMail({ db, transport });
    const mail = sent.find((m) => m.to === email && JSON.stringify(m.headers ?? {}).includes("registration.ticket"));
    const attachment = (mail!.attachments ?? [])[0]!;
    expect(attachment.filename).toBe("ticket-sve-forum.pdf");
    const text = pdfText(attachment.content as Buffer);
    expect(text).toContain("Forum of Secondary Vocational Education");
    expect(text).toContain("Show the QR code at the entrance");
    expect(text).toContain("Teacher or vocational training instructor");
    expect(text).toContain("25–29 August 2025 · Калуга");
    expect(text).not.toContain("Форум");

    // The same person downloading in Russian gets a Russian PDF: the request's locale decides.
    const ru = pdfText(await withLocale("ru", () => myTicketPdf({ db, user })));
    expect(ru).toContain("Организация");
    expect(ru).toContain("25–29 августа 2025 · Калуга");
  }, 120_000);

  it("gives one ticket to concurrent first looks", async () => {
    const p = await createParticipant(db, editionId);
    const looks = await Promise.all([1, 2, 3, 4].map(() => as(p).ticket.mine()));
    expect(new Set(looks.map((t) => t!.secret)).size).toBe(1);
    expect(await db.ticket.count({ where: { registrationId: p.registrationId } })).toBe(1);
  });

  it("revokes the ticket when the registration is cancelled, and leaves it out of a later mail", async () => {
    const p = await createParticipant(db, editionId);
    const before = await as(p).ticket.mine();
    const row = await db.ticket.findFirstOrThrow({ where: { registrationId: p.registrationId } });
    await as(p).account.cancelRegistration();
    expect(await as(p).ticket.mine()).toBeNull();
    const revoked = await db.ticket.findUniqueOrThrow({ where: { id: row.id } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(revoked.revokedReason).toBe("cancelled");
    expect(revoked.secretHash).toBe(hashSecret(before!.secret));
    await expect(myTicketPdf({ db, user: p })).rejects.toThrow(/Нет действующей/);
  });

  it("lets an organiser reissue a ticket: the old code stops, the new one is mailed, the audit log says who", async () => {
    const p = await createParticipant(db, editionId, { surname: "Перевыпускова" });
    const organiser = await createOrganiser(db);
    const old = await as(p).ticket.mine();
    const result = await as(organiser).ticket.reissue({ registrationId: p.registrationId });
    const fresh = await as(p).ticket.mine();
    expect(fresh!.secret).not.toBe(old!.secret);
    const tickets = await db.ticket.findMany({
      where: { registrationId: p.registrationId },
      orderBy: { issuedAt: "asc" },
    });
    expect(tickets).toHaveLength(2);
    expect(tickets.filter((t) => t.revokedAt === null).map((t) => t.id)).toEqual([result.ticketId]);
    expect(tickets.find((t) => t.id !== result.ticketId)!.revokedReason).toBe("reissued");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "ticket.reissue", entityId: p.registrationId },
    });
    expect(audit.actorId).toBe(organiser.id);
    expect(JSON.stringify(audit)).not.toContain(fresh!.secret);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: p.email, kind: "registration.ticket" } });
    expect(mail.text).toContain("новый билет");
    const history = await as(organiser).ticket.history({ registrationId: p.registrationId });
    expect(history).toHaveLength(2);
    expect(JSON.stringify(history)).not.toContain(fresh!.secret);
  });

  it("refuses a reissue to participants and check-in staff, and for a cancelled registration", async () => {
    const p = await createParticipant(db, editionId);
    const staff = await createParticipant(db, editionId, { role: "CHECKIN" });
    for (const who of [p, staff]) {
      const error = await as(who)
        .ticket.reissue({ registrationId: p.registrationId })
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
    }
    const cancelled = await createParticipant(db, editionId, { status: "CANCELLED" });
    const organiser = await createOrganiser(db);
    const error = await as(organiser)
      .ticket.reissue({ registrationId: cancelled.registrationId })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    expect(await db.ticket.count({ where: { registrationId: cancelled.registrationId } })).toBe(0);
  });
});
