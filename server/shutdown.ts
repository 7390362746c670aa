import { handleTrpc } from "~/server/api/handler";
import { closeDb, closeWorkerDb, getDb, getWorkerDb } from "~/server/db";
import { startMailWorker, stopMailWorker } from "~/server/mail/worker";
import { registerGauges } from "~/server/ops/gauges";
import { readContentVersion } from "~/server/programme/content-version";

type ShutdownHolder = { __spoShutdown?: () => Promise<void> };

/**
 * Server start-up work that lives as long as the process: the mail worker, and a clean
 * shutdown. scripts/serve.mjs owns the signals: on SIGTERM it stops accepting, lets requests
 * in flight finish, then calls the shutdown registered here — stop the mail worker after the
 * message in hand, close the database (an embedded PGlite must be closed, or postmaster.pid
 * stays behind and sequences jump) — and exits.
 */
export function startServerServices(): void {
  startMailWorker({ getDb: getWorkerDb, intervalMs: 5_000 });
  registerGauges(getDb);
  // scripts/serve.mjs answers /api/trpc/* through this, without Next's routing.
  (globalThis as { __spoTrpc?: (req: Request) => Promise<Response> }).__spoTrpc = (req) => handleTrpc(req);
  // The page cache in scripts/serve.mjs asks for the programme version through this.
  (globalThis as { __spoContentVersion?: () => Promise<number> }).__spoContentVersion = async () =>
    readContentVersion(await getDb());
  (globalThis as ShutdownHolder).__spoShutdown = async () => {
    await stopMailWorker();
    await closeWorkerDb();
    await closeDb();
  };
}
