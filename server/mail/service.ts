/**
 * Reading the outbox for the development mail viewer (/dev/mail). Off in production unless
 * DEV_MAIL_VIEWER=1: the outbox holds confirmation links and other people's addresses.
 */
import { renderPendingMail } from "~/server/booking/notify";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { mailViewerEnabled } from "~/server/mail/rules";
import { DEV_MAIL_PAGE_SIZE, type DevMailIdInput, type DevMailListInput } from "~/server/mail/schema";
import { apiErrorsT } from "~/server/i18n/server-messages";

const outboxSelect = {
  id: true,
  kind: true,
  to: true,
  subject: true,
  text: true,
  html: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
} satisfies Prisma.OutboxMessageSelect;

export type OutboxView = Prisma.OutboxMessageGetPayload<{ select: typeof outboxSelect }>;

export type OutboxPage = {
  items: OutboxView[];
  total: number;
  page: number;
  pageCount: number;
  /** Whether SMTP_URL is set, i.e. whether a worker sends these messages at all. */
  smtpConfigured: boolean;
};

/** Whether this server shows the development mail viewer. */
export const devMailViewerEnabled = (): boolean =>
  mailViewerEnabled({ nodeEnv: env.NODE_ENV, flag: env.DEV_MAIL_VIEWER });

function assertEnabled(enabled: boolean): void {
  // NOT_FOUND rather than FORBIDDEN: in production the viewer simply does not exist.
  if (!enabled) throw new AppError("NOT_FOUND", apiErrorsT("noSuchPage"));
}

/** The newest messages first, a page at a time. */
export async function listOutbox({
  db,
  input,
  enabled = devMailViewerEnabled(),
}: {
  db: Db;
  input: DevMailListInput;
  enabled?: boolean;
}): Promise<OutboxPage> {
  assertEnabled(enabled);
  await renderPendingMail({ db });
  const where: Prisma.OutboxMessageWhereInput = input.to ? { to: { equals: input.to, mode: "insensitive" } } : {};
  const total = await db.outboxMessage.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / DEV_MAIL_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const items = await db.outboxMessage.findMany({
    where,
    select: outboxSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * DEV_MAIL_PAGE_SIZE,
    take: DEV_MAIL_PAGE_SIZE,
  });
  return { items, total, page, pageCount, smtpConfigured: Boolean(env.SMTP_URL) };
}

/** One message. */
export async function getOutboxMessage({
  db,
  input,
  enabled = devMailViewerEnabled(),
}: {
  db: Db;
  input: DevMailIdInput;
  enabled?: boolean;
}): Promise<OutboxView> {
  assertEnabled(enabled);
  await renderPendingMail({ db });
  const message = await db.outboxMessage.findUnique({ where: { id: input.id }, select: outboxSelect });
  if (!message) throw new AppError("NOT_FOUND", apiErrorsT("noSuchMail"));
  return message;
}
