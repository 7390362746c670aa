import { closeDb, getDb } from "~/server/db";
import { startMailWorker, stopMailWorker } from "~/server/mail/worker";

/**
 * Server start-up work that lives as long as the process: the mail worker, and a clean
 * shutdown. `next start` would exit on SIGTERM at once and leave an embedded PGlite
 * unclosed (postmaster.pid left behind, sequences jumping); scripts/start.mjs sets
 * NEXT_MANUAL_SIG_HANDLE=true so that this handler stops the worker and closes the
 * database before exiting.
 */
export function startServerServices(): void {
  startMailWorker({ getDb, intervalMs: 5_000 });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stopMailWorker()
      .then(() => closeDb())
      .catch((error: unknown) => console.error(`Shutting down on ${signal} failed`, error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
