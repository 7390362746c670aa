/**
 * Files made when a message is sent rather than stored in the outbox (a ticket PDF is ~20 KB and
 * can be made again from its row): by message kind, from the row's payload.
 */
import type Mail from "nodemailer/lib/mailer";
import type { Db } from "~/server/db/client";
import { createTranslator } from "use-intl/core";
import checkin from "~/server/i18n/messages/ru/checkin.json";
import { activeTicketPdf, TICKET_MAIL_KIND } from "~/server/tickets/service";

const pdfT = createTranslator({ locale: "ru", messages: checkin, namespace: "ticketPdf" });

export async function mailAttachments(
  db: Db,
  message: { kind: string; payload: unknown },
): Promise<Mail.Attachment[] | undefined> {
  if (message.kind !== TICKET_MAIL_KIND) return undefined;
  const ticketId = (message.payload as { ticketId?: unknown } | null)?.ticketId;
  if (typeof ticketId !== "string") return undefined;
  // A ticket revoked before the mail went out is not attached: it would not open the door.
  const pdf = await activeTicketPdf(db, ticketId);
  return pdf ? [{ filename: pdfT("fileName"), content: pdf, contentType: "application/pdf" }] : undefined;
}
