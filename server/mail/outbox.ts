/**
 * Writing to the transactional outbox. Call it with the transaction client of the change
 * that causes the message, so that the message exists exactly when the change does.
 */
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";
import type { RenderedMail } from "~/server/mail/layout";

export type OutboxWriter = Db | Prisma.TransactionClient;

export async function enqueueMail(
  db: OutboxWriter,
  message: RenderedMail & { kind: string; to: string },
): Promise<void> {
  await db.outboxMessage.create({
    data: { kind: message.kind, to: message.to, subject: message.subject, text: message.text, html: message.html },
  });
}
