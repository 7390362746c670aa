/**
 * Files made when a message is sent rather than stored in the outbox (a ticket PDF is ~20 KB and
 * can be made again from its row): by message kind, from the row's payload.
 */
import type Mail from "nodemailer/lib/mailer";
import type { Db } from "~/server/db/client";
import { activeTicketPdf, TICKET_MAIL_KIND } from "~/server/tickets/service";
import { inLocaleOf, serverTranslator } from "~/server/i18n/translate";

const pdfT = serverTranslator("checkin", "ticketPdf");

export async function mailAttachments(
  db: Db,
  message: { kind: string; payload: unknown },
): Promise<Mail.Attachment[] | undefined> {
  if (message.kind !== TICKET_MAIL_KIND) return undefined;
  const payload = message.payload as { ticketId?: unknown; locale?: unknown } | null;
  const ticketId = payload?.ticketId;
  if (typeof ticketId !== "string") return undefined;
  // The PDF speaks the language the mail was written in (the recipient's, put in the payload).
  const locale = typeof payload?.locale === "string" ? payload.locale : null;
  return inLocaleOf(locale, async () => {
    // A ticket revoked before the mail went out is not attached: it would not open the door.
    const pdf = await activeTicketPdf(db, ticketId);
    return pdf ? [{ filename: pdfT("fileName"), content: pdf, contentType: "application/pdf" }] : undefined;
  });
}
