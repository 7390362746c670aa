/**
 * One delivery run of the outbox: claim due messages, send them, record the outcome.
 *
 * Safe with many app instances on one database:
 * - claiming is one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`: concurrent
 *   workers skip each other's rows, and a claimed row carries a lease (`lockedUntil`) that
 *   keeps it from everyone else until the lease ends;
 * - claiming increments `attempts`, which then serves as a fencing token: every later write
 *   of the run is conditional on `attempts` still being the claimed value, so a worker whose
 *   lease ran out (and whose row another worker took over) can no longer touch the row;
 * - before each send the lease is renewed under that condition, and SMTP timeouts are far
 *   below the lease, so a message is never in two workers' hands at once.
 * The attempt is recorded (claim: `attempts` + 1, lease) before anything is sent. When the SMTP
 * server took a message but the database could not be told (it went away), the process keeps the
 * fact in a journal and records it before its next claim — well inside the lease — so the message
 * is not sent again. Only a crash of the process itself between "sent" and "recorded" makes a
 * message go out twice after the lease: delivery is at least once, as with any SMTP outbox, and
 * the Message-ID is derived from the outbox id so that mail clients recognise such a duplicate.
 *
 * Claiming is two single statements, not an interactive transaction: a booking rush that holds
 * every connection cannot make the worker give up waiting for a transaction slot.
 */
import type { Db } from "~/server/db/client";
import { log as logger } from "~/server/ops/log.mjs";
import { metrics } from "~/server/ops/metrics.mjs";
import { env } from "~/server/env";
import {
  afterFailure,
  DEFAULT_BATCH_SIZE,
  describeSendError,
  LEASE_MS,
  MAX_ATTEMPTS,
  senderDomain,
} from "~/server/mail/rules";
import { mailAttachments } from "~/server/mail/attachments";
import type { MailTransport } from "~/server/mail/transport";

type ClaimedMessage = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  payload: unknown;
  attempts: number;
};

export type DeliveryResult = {
  /** Messages this run claimed. */
  claimed: number;
  sent: number;
  /** Failed this time, another attempt is scheduled. */
  retrying: number;
  /** Failed for the last time: now FAILED. */
  failed: number;
  /** Claimed but not sent: the lease was lost, or the run was aborted (returned to the queue). */
  skipped: number;
};

export type DeliverOptions = {
  db: Db;
  transport: MailTransport;
  /** The time of the run (tests move it forward); leases follow the real clock from there. */
  now?: Date;
  batchSize?: number;
  /** Appears in log lines, to tell instances apart. */
  workerId?: string;
  /** Defaults to MAIL_FROM. */
  from?: string;
  maxAttempts?: number;
  /** Stops between messages; the rest of the claimed batch goes back to the queue at once. */
  signal?: AbortSignal;
  log?: (line: string) => void;
};

const iso = (d: Date) => d.toISOString();

type SentRecord = { id: string; attempts: number; sentAt: Date };

/** Sends the SMTP server accepted but the database has not recorded yet (this process only). */
const journal = ((globalThis as { __spoMailJournal?: Map<string, SentRecord> }).__spoMailJournal ??= new Map());

/** Records journalled sends; throws while the database is still away (the run then stops). */
async function recordJournal(db: Db): Promise<void> {
  for (const entry of [...journal.values()]) {
    await db.outboxMessage.updateMany({
      where: { id: entry.id, attempts: entry.attempts },
      data: { status: "SENT", sentAt: entry.sentAt, lockedUntil: null, lastError: null },
    });
    journal.delete(entry.id);
  }
}

/** How many sends wait to be recorded (for tests and metrics). */
export const unrecordedSends = (): number => journal.size;

/** Claims up to `batchSize` due messages (see the module comment). */
async function claimDue(db: Db, at: Date, leaseUntil: Date, batchSize: number, maxAttempts: number) {
  // A worker that died during a message's last attempt leaves it PENDING with no attempts
  // left: give it up once its lease has run out.
  await db.$executeRaw`
      UPDATE "OutboxMessage"
      SET "status" = 'FAILED', "lockedUntil" = NULL,
          "lastError" = COALESCE("lastError", 'The worker stopped during the last attempt')
      WHERE "status" = 'PENDING' AND "attempts" >= ${maxAttempts}
        AND "lockedUntil" < ${iso(at)}::timestamptz`;
  return db.$queryRaw<ClaimedMessage[]>`
      UPDATE "OutboxMessage" AS m
      SET "lockedUntil" = ${iso(leaseUntil)}::timestamptz, "attempts" = m."attempts" + 1
      WHERE m."id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE "status" = 'PENDING'
          AND "renderedAt" IS NOT NULL
          AND "attempts" < ${maxAttempts}
          AND "nextAttemptAt" <= ${iso(at)}::timestamptz
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${iso(at)}::timestamptz)
        ORDER BY "nextAttemptAt", "createdAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING m."id", m."kind", m."to", m."subject", m."text", m."html", m."payload", m."attempts"`;
}

/**
 * Sends the due messages of the outbox once. Call it repeatedly (startMailWorker does);
 * it never throws for a message that fails to send, only for database errors.
 */
export async function deliverDueMail(options: DeliverOptions): Promise<DeliveryResult> {
  const { db, transport, signal } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const from = options.from ?? env.MAIL_FROM;
  const domain = senderDomain(from);
  const log = options.log ?? ((line: string) => logger.warn(line));
  const who = options.workerId ? `[mail ${options.workerId}]` : "[mail]";
  const started = Date.now();
  const base = (options.now ?? new Date()).getTime();
  const clock = () => new Date(base + (Date.now() - started));
  const leaseFrom = (t: Date) => new Date(t.getTime() + LEASE_MS);

  await recordJournal(db);
  const claimedAt = clock();
  const claimed = await claimDue(db, claimedAt, leaseFrom(claimedAt), batchSize, maxAttempts);
  const result: DeliveryResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, skipped: 0 };

  for (const message of claimed) {
    const ours = { id: message.id, attempts: message.attempts };
    if (signal?.aborted) {
      // Not tried: hand it back without spending an attempt.
      await db.outboxMessage.updateMany({
        where: { ...ours, status: "PENDING" },
        data: { lockedUntil: null, attempts: { decrement: 1 } },
      });
      result.skipped += 1;
      continue;
    }
    const t = clock();
    const renewed = await db.outboxMessage.updateMany({
      where: { ...ours, status: "PENDING", lockedUntil: { gt: t } },
      data: { lockedUntil: leaseFrom(t) },
    });
    if (renewed.count === 0) {
      result.skipped += 1;
      continue;
    }

    try {
      const attachments = await mailAttachments(db, message);
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<outbox-${message.id}@${domain}>`,
        headers: { "X-Outbox-Id": message.id, "X-Mail-Kind": message.kind },
        ...(attachments ? { attachments } : {}),
      });
    } catch (error) {
      const failedAt = clock();
      const outcome = afterFailure({ attempts: message.attempts, now: failedAt, maxAttempts });
      const lastError = describeSendError(error);
      await db.outboxMessage.updateMany({
        where: { ...ours, status: "PENDING" },
        data: { status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, lockedUntil: null, lastError },
      });
      if (outcome.status === "FAILED") result.failed += 1;
      else result.retrying += 1;
      metrics.mailFailed.inc({ final: outcome.status === "FAILED" ? "yes" : "no" });
      log(
        `${who} ${message.kind} ${message.id}: attempt ${message.attempts}/${maxAttempts} failed` +
          `${outcome.status === "FAILED" ? ", giving up" : ", will retry"}: ${lastError}`,
      );
      continue;
    }

    // Sent: record it even if a sweep has meanwhile given the message up (status not checked).
    // Journalled first, so that a database gone at this moment cannot lose the fact.
    const sent: SentRecord = { id: message.id, attempts: message.attempts, sentAt: clock() };
    journal.set(sent.id, sent);
    result.sent += 1;
    metrics.mailSent.inc();
    await db.outboxMessage.updateMany({
      where: ours,
      data: { status: "SENT", sentAt: sent.sentAt, lockedUntil: null, lastError: null },
    });
    journal.delete(sent.id);
  }
  return result;
}
