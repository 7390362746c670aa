/**
 * Tickets: issued when a registration is confirmed (or, for registrations confirmed before
 * tickets existed, the first time someone needs one), revoked when the registration ends,
 * reissued by organisers. One active ticket per registration is a partial unique index; every
 * insert skips a conflict, so concurrent requests issue it once.
 */
import { randomUUID } from "node:crypto";
import type { SessionUser } from "~/server/auth/roles";
import { recordAudit } from "~/server/audit/log";
import type { Db } from "~/server/db/client";
import { lockUser } from "~/server/db/locks";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { findCurrentEditionOrNull } from "~/server/edition/current";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { layoutMail } from "~/server/mail/layout";
import { forumDates, qrSvg, ticketPdf, type TicketPrint } from "~/server/tickets/pdf";
import { hashSecret, newNonce, ticketSecret } from "~/server/tickets/secret";
import { currentLocale, inLocaleOf, serverTranslator } from "~/server/i18n/translate";

const errorsT = serverTranslator("checkin", "ticketErrors");
const mailT = serverTranslator("checkin", "ticketMail");

type Writer = Db | Tx;

export const TICKET_MAIL_KIND = "registration.ticket";

/** Creates the active ticket of each registration that lacks one; a concurrent insert wins. */
export async function issueMissingTickets(db: Writer, registrationIds: readonly string[]): Promise<void> {
  if (registrationIds.length === 0) return;
  const active = await db.ticket.findMany({
    where: { registrationId: { in: [...registrationIds] }, revokedAt: null },
    select: { registrationId: true },
  });
  const have = new Set(active.map((t) => t.registrationId));
  const rows = [...new Set(registrationIds)]
    .filter((id) => !have.has(id))
    .map((registrationId) => {
      const nonce = newNonce();
      return { id: randomUUID(), registrationId, nonce, secretHash: hashSecret(ticketSecret(nonce)) };
    });
  if (rows.length > 0) await db.ticket.createMany({ data: rows, skipDuplicates: true });
}

/** Tickets for every confirmed registration of an edition (before a check-in manifest is built). */
export async function issueEditionTickets(db: Writer, editionId: string): Promise<void> {
  const missing = await db.registration.findMany({
    where: { editionId, status: "CONFIRMED", tickets: { none: { revokedAt: null } } },
    select: { id: true },
  });
  await issueMissingTickets(
    db,
    missing.map((r) => r.id),
  );
}

/** Revokes the active tickets and certificates of a person's registrations (their registration ended). */
export async function revokeTicketsOfUser(tx: Writer, userId: string, now: Date): Promise<number> {
  const { count } = await tx.ticket.updateMany({
    where: { registration: { userId }, revokedAt: null },
    data: { revokedAt: now, revokedReason: "cancelled" },
  });
  // The certificate ends with the registration too: /verify then says «отозван».
  await tx.certificate.updateMany({ where: { registration: { userId }, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/**
 * Queues the mail that carries the ticket as a PDF (attached when it is sent), in the recipient's
 * language (their stored choice; the default without one). The locale goes into the payload so
 * that the attachment, made at sending time, speaks the language of the mail around it.
 */
export async function enqueueTicketMail(
  tx: Writer,
  p: { to: string; firstName: string; ticketId: string; locale: string | null; reissued?: boolean },
): Promise<void> {
  const { mail, locale } = inLocaleOf(p.locale, () => ({
    mail: layoutMail(
      {
        subject: mailT("subject"),
        greeting: mailT("greeting", { firstName: p.firstName }),
        paragraphs: [p.reissued ? mailT("reissued") : mailT("confirmed"), mailT("attached")],
        action: { label: mailT("action"), url: `${env.APP_URL}/my` },
        footnote: mailT("footnote"),
      },
      env.APP_URL,
    ),
    locale: currentLocale(),
  }));
  await tx.outboxMessage.create({
    data: { kind: TICKET_MAIL_KIND, to: p.to, ...mail, payload: { ticketId: p.ticketId, locale } },
  });
}

/** After a confirmation: tickets for the person's confirmed registrations, each mailed once. */
export async function issueTicketsOnConfirm(tx: Tx, userId: string): Promise<void> {
  const regs = await tx.registration.findMany({
    where: { userId, status: "CONFIRMED", tickets: { none: {} } },
    select: { id: true, email: true, firstName: true, user: { select: { locale: true } } },
  });
  await issueMissingTickets(
    tx,
    regs.map((r) => r.id),
  );
  const tickets = await tx.ticket.findMany({
    where: { registrationId: { in: regs.map((r) => r.id) }, revokedAt: null },
    select: { id: true, registrationId: true },
  });
  for (const r of regs) {
    const ticket = tickets.find((t) => t.registrationId === r.id);
    if (ticket) {
      await enqueueTicketMail(tx, { to: r.email, firstName: r.firstName, ticketId: ticket.id, locale: r.user.locale });
    }
  }
}

const printSelect = {
  id: true,
  nonce: true,
  issuedAt: true,
  revokedAt: true,
  registration: {
    select: {
      surname: true,
      firstName: true,
      patronymic: true,
      organisation: true,
      category: true,
      status: true,
      region: { select: { name: true } },
      edition: { select: { startsAt: true, endsAt: true, city: true, timeZone: true } },
    },
  },
} as const;

type PrintRow = {
  nonce: string;
  registration: {
    surname: string;
    firstName: string;
    patronymic: string | null;
    organisation: string;
    category: string;
    region: { name: string } | null;
    edition: { startsAt: Date; endsAt: Date; city: string; timeZone: string };
  };
};

export const fullName = (r: { surname: string; firstName: string; patronymic: string | null }): string =>
  [r.surname, r.firstName, r.patronymic].filter(Boolean).join(" ");

export function ticketPrint(row: PrintRow): TicketPrint {
  const r = row.registration;
  return {
    secret: ticketSecret(row.nonce),
    fullName: fullName(r),
    organisation: r.organisation,
    region: r.region?.name ?? null,
    category: r.category,
    dates: forumDates(r.edition),
  };
}

/** The signed-in person's active ticket in the current edition, issued on first need; null if none. */
export async function activeTicketOf(db: Db, userId: string) {
  const edition = await findCurrentEditionOrNull(db, { id: true });
  if (!edition) return null;
  const reg = await db.registration.findUnique({
    where: { editionId_userId: { editionId: edition.id, userId } },
    select: { id: true, status: true },
  });
  if (reg?.status !== "CONFIRMED") return null;
  await issueMissingTickets(db, [reg.id]);
  return db.ticket.findFirst({ where: { registrationId: reg.id, revokedAt: null }, select: printSelect });
}

/** What /my shows: the QR code (SVG), who it is for, when it was issued. */
export async function myTicket({ db, user }: { db: Db; user: SessionUser }) {
  const row = await activeTicketOf(db, user.id);
  if (!row) return null;
  const print = ticketPrint(row);
  return {
    issuedAt: row.issuedAt,
    fullName: print.fullName,
    organisation: print.organisation,
    region: print.region,
    category: print.category,
    dates: print.dates,
    secret: print.secret,
    qrSvg: await qrSvg(print.secret),
  };
}

/** The signed-in person's ticket as an A6 PDF; NOT_FOUND without a confirmed registration. */
export async function myTicketPdf({ db, user }: { db: Db; user: SessionUser }): Promise<Buffer> {
  const row = await activeTicketOf(db, user.id);
  if (!row) throw new AppError("NOT_FOUND", errorsT("noRegistration"));
  return ticketPdf(ticketPrint(row));
}

/** The PDF of a ticket that is still active (the mail attachment); null once revoked. */
export async function activeTicketPdf(db: Db, ticketId: string): Promise<Buffer | null> {
  const row = await db.ticket.findUnique({ where: { id: ticketId }, select: printSelect });
  if (!row || row.revokedAt || row.registration.status !== "CONFIRMED") return null;
  return ticketPdf(ticketPrint(row));
}

/**
 * An organiser makes a new ticket for a confirmed registration: the old QR code stops working at
 * once, the person gets the new one by mail, and the audit log records who did it (no secrets).
 */
export async function reissueTicket({
  db,
  actor,
  registrationId,
  now = new Date(),
}: {
  db: Db;
  actor: SessionUser;
  registrationId: string;
  now?: Date;
}) {
  return inTransaction(db, async (tx) => {
    const reg = await tx.registration.findUnique({
      where: { id: registrationId },
      select: {
        id: true,
        status: true,
        email: true,
        firstName: true,
        userId: true,
        user: { select: { locale: true } },
      },
    });
    if (reg?.status !== "CONFIRMED") throw new AppError("NOT_FOUND", errorsT("registrationNotFound"));
    // The person's row first (server/db/locks.ts order), so a concurrent cancel waits or wins.
    await lockUser(tx, reg.userId);
    const stillConfirmed = await tx.registration.count({ where: { id: reg.id, status: "CONFIRMED" } });
    if (stillConfirmed === 0) throw new AppError("NOT_FOUND", errorsT("registrationNotFound"));
    const old = await tx.ticket.findFirst({ where: { registrationId, revokedAt: null }, select: { id: true } });
    if (old) {
      await tx.ticket.update({ where: { id: old.id }, data: { revokedAt: now, revokedReason: "reissued" } });
    }
    const nonce = newNonce();
    const ticket = await tx.ticket.create({
      data: { id: randomUUID(), registrationId, nonce, secretHash: hashSecret(ticketSecret(nonce)), issuedAt: now },
      select: { id: true, issuedAt: true },
    });
    await enqueueTicketMail(tx, {
      to: reg.email,
      firstName: reg.firstName,
      ticketId: ticket.id,
      locale: reg.user.locale,
      reissued: true,
    });
    await recordAudit(tx, {
      actor,
      action: "ticket.reissue",
      entity: "Registration",
      entityId: registrationId,
      before: { ticketId: old?.id ?? null },
      after: { ticketId: ticket.id },
    });
    return { ticketId: ticket.id, issuedAt: ticket.issuedAt };
  });
}

/** An organiser's view of a registration's tickets (no secrets). */
export async function ticketHistory({ db, registrationId }: { db: Db; registrationId: string }) {
  return db.ticket.findMany({
    where: { registrationId },
    select: { id: true, issuedAt: true, revokedAt: true, revokedReason: true },
    orderBy: { issuedAt: "desc" },
  });
}

/** Reissue by the participant's email (what an organiser at the desk has in hand). */
export async function reissueTicketByEmail({ db, actor, email }: { db: Db; actor: SessionUser; email: string }) {
  const edition = await findCurrentEditionOrNull(db, { id: true });
  const reg = edition
    ? await db.registration.findFirst({
        where: { editionId: edition.id, email, status: "CONFIRMED" },
        select: { id: true },
      })
    : null;
  if (!reg) throw new AppError("NOT_FOUND", errorsT("noSuchRegistration"));
  const result = await reissueTicket({ db, actor, registrationId: reg.id });
  return { ...result, email };
}
