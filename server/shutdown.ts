import { closeDb } from "~/server/db";

/**
 * Closes the database before the process exits on SIGTERM/SIGINT. `next start` would
 * otherwise exit at once and leave an embedded PGlite unclosed (postmaster.pid left
 * behind, sequences jumping); scripts/start.mjs sets NEXT_MANUAL_SIG_HANDLE=true so
 * that this handler runs instead.
 */
export function installShutdownHandler(): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    closeDb()
      .catch((error: unknown) => console.error(`Closing the database on ${signal} failed`, error))
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
