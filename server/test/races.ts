/**
 * Making a race happen on purpose (PostgreSQL): a side transaction holds one row lock while the
 * transactions under test run into it, so the interleaving a test needs is forced, not hoped for.
 * On PGlite transactions run one at a time: nothing is held and the calls simply run in turn.
 */
import type { Tx } from "~/server/db/transaction";
import type { TestDb } from "~/server/test/db";

type Held = { release: () => Promise<void> };

/**
 * Locks rows of `table` matching `where` (FOR UPDATE unless told) in its own transaction, runs
 * `then` inside it (uncommitted work others may trip over), and commits when released.
 */
export async function holdRowLock(
  testDb: TestDb,
  table: "User" | "ProgrammeSession" | "RegionQuota" | "Speaker",
  where: string,
  opts: { mode?: "FOR UPDATE" | "FOR NO KEY UPDATE"; then?: (tx: Tx) => Promise<unknown> } = {},
): Promise<Held> {
  if (testDb.kind !== "postgres") {
    // Nothing runs in parallel on PGlite: the held work simply happens first.
    const then = opts.then;
    if (then) await testDb.db.$transaction(async (tx) => void (await then(tx)));
    return { release: async () => undefined };
  }
  let release!: () => void;
  let locked!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = testDb.db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE ${where} ${opts.mode ?? "FOR UPDATE"}`);
      await opts.then?.(tx);
      locked();
      await released;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  await isLocked;
  return {
    release: async () => {
      release();
      await done;
    },
  };
}

/**
 * Waits until at least `n` backends of this database wait on a lock (in a statement containing
 * `like`, when given), or `stop()` says to give up.
 */
export async function lockWaiters(
  testDb: TestDb,
  n: number,
  stop: () => boolean = () => false,
  like = "%",
): Promise<void> {
  if (testDb.kind !== "postgres") return;
  for (;;) {
    const [row] = await testDb.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ${like}`;
    if ((row?.n ?? 0) >= n || stop()) return;
    await new Promise((r) => setTimeout(r, 15));
  }
}
