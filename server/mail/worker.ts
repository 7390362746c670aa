/**
 * The outbox worker of the app server process: every `intervalMs` it sends due mail
 * (deliverDueMail) and, once an hour across all instances (server/ops/schedule.ts), deletes old
 * rate-limit windows.
 *
 * Without SMTP_URL nothing is sent: messages stay PENDING (attempts 0) and are visible in
 * the development mail viewer (/dev/mail); the loop then only does the housekeeping. Setting
 * SMTP_URL later sends them, the old ones included.
 *
 * Several instances may run it at once (see delivery.ts). One process runs one loop: a second
 * start returns the running worker.
 */
import type { Db } from "~/server/db/client";
import { log as logger } from "~/server/ops/log.mjs";
import { isBuildPhase } from "~/server/env";
import { renderPendingMail } from "~/server/booking/notify";
import { releaseNoShows } from "~/server/checkin/no-show";
import { deliverDueMail } from "~/server/mail/delivery";
import { DEFAULT_BATCH_SIZE } from "~/server/mail/rules";
import { mailTransportFromEnv, type MailTransport } from "~/server/mail/transport";
import { claimRun } from "~/server/ops/schedule";
import { cleanupRateLimits } from "~/server/security/rate-limit";

export { deliverDueMail, type DeliverOptions, type DeliveryResult } from "~/server/mail/delivery";

export type MailWorker = {
  /** Whether the worker sends mail (false without SMTP_URL: housekeeping only). */
  readonly sending: boolean;
  /** Stops the loop: aborts between messages, waits for the current run, closes the transport. */
  stop: () => Promise<void>;
};

export type MailWorkerOptions = {
  getDb: () => Promise<Db>;
  /** Pause between runs. Default 5 s. */
  intervalMs?: number;
  /** Default: the SMTP_URL transport, or none (nothing is sent). */
  transport?: MailTransport | null;
  batchSize?: number;
  workerId?: string;
  log?: (line: string) => void;
};

const CLEANUP_EVERY_MS = 60 * 60_000;
/** How often an instance asks whether the shared housekeeping run is due. */
const CLEANUP_CHECK_MS = 5 * 60_000;
/** How often an instance asks whether the no-show release is due (once per period across instances). */
const NO_SHOW_CHECK_MS = 60_000;
/** Batches one run may send back to back before pausing (a backlog drains quickly). */
const MAX_BATCHES_PER_RUN = 20;
/** The same failure is logged again at most this often. */
const REPEAT_LOG_MS = 5 * 60_000;

const holder = globalThis as { __spoMailWorker?: MailWorker; __spoMailWorkerBeat?: number };

/**
 * When this process's worker last finished a run (ms since epoch), or null when none runs. The
 * readiness check (/api/ready) calls a worker that has not finished a run for a while dead.
 */
export function mailWorkerHeartbeat(): { running: boolean; lastRunAt: number | null; intervalMs: number } {
  return {
    running: Boolean(holder.__spoMailWorker),
    lastRunAt: holder.__spoMailWorkerBeat ?? null,
    intervalMs: (holder.__spoMailWorker as { intervalMs?: number } | undefined)?.intervalMs ?? 5_000,
  };
}

const idle: MailWorker = { sending: false, stop: async () => {} };

/**
 * Starts the loop in this process. Does nothing during `next build`. The timer is unref'd
 * (it never keeps the process alive) and a run never overlaps the previous one.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  if (isBuildPhase()) return idle;
  if (holder.__spoMailWorker) return holder.__spoMailWorker;

  const intervalMs = Math.max(100, options.intervalMs ?? 5_000);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const log = options.log ?? ((line: string) => logger.warn(line));
  const ownTransport = options.transport === undefined;
  const transport = ownTransport ? mailTransportFromEnv() : options.transport;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastCleanup = 0;
  let lastNoShow = 0;
  let lastProblem: { text: string; at: number } | undefined;

  const report = (text: string) => {
    const at = Date.now();
    if (lastProblem?.text === text && at - lastProblem.at < REPEAT_LOG_MS) return;
    lastProblem = { text, at };
    log(`[mail] ${text}`);
  };

  const runOnce = async () => {
    try {
      const db = await options.getDb();
      // Booking mail is queued unrendered (outside the seat lock); give it its text first.
      while ((await renderPendingMail({ db })) > 0 && !abort.signal.aborted);
      if (transport) {
        for (let i = 0; i < MAX_BATCHES_PER_RUN && !abort.signal.aborted; i += 1) {
          const result = await deliverDueMail({
            db,
            transport,
            batchSize,
            workerId: options.workerId,
            signal: abort.signal,
            log,
          });
          if (result.claimed < batchSize) break;
        }
      }
      // No-show release about once a minute across all instances.
      if (Date.now() - lastNoShow >= NO_SHOW_CHECK_MS && !abort.signal.aborted) {
        lastNoShow = Date.now();
        if (await claimRun({ db, name: "no-show-release", everyMs: NO_SHOW_CHECK_MS })) await releaseNoShows({ db });
      }
      // Housekeeping once an hour across all instances (ScheduledJob), not once per instance.
      if (Date.now() - lastCleanup >= CLEANUP_CHECK_MS && !abort.signal.aborted) {
        lastCleanup = Date.now();
        if (await claimRun({ db, name: "rate-limit-cleanup", everyMs: CLEANUP_EVERY_MS })) {
          await cleanupRateLimits({ db });
        }
      }
      lastProblem = undefined;
    } catch (error) {
      report(`worker run failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    } finally {
      holder.__spoMailWorkerBeat = Date.now();
    }
  };

  const schedule = () => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        schedule();
      });
    }, intervalMs);
    timer.unref();
  };

  if (!transport) {
    log("[mail] SMTP_URL is not set: mail is not sent; it stays in the outbox (see /dev/mail).");
  }
  schedule();

  holder.__spoMailWorkerBeat = Date.now();
  const worker: MailWorker & { intervalMs: number } = {
    intervalMs,
    sending: Boolean(transport),
    stop: async () => {
      abort.abort();
      clearTimeout(timer);
      await running;
      if (ownTransport) transport?.close?.();
      if (holder.__spoMailWorker === worker) holder.__spoMailWorker = undefined;
    },
  };
  holder.__spoMailWorker = worker;
  return worker;
}

/** Stops the process's worker if one was started (for the shutdown handler). */
export async function stopMailWorker(): Promise<void> {
  await holder.__spoMailWorker?.stop();
}
