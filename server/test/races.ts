/**
 * Making a race happen on purpose (PostgreSQL): a side transaction holds one row lock while the
 * transactions under test run into it, so the interleaving a test needs is forced, not hoped for.
 * On PGlite transactions run one at a time: nothing is held and the calls simply run in turn.
 */
import type { TestDb } from "~/server/test/db";

type Held = { release: () => Promise<void> };

/** Locks `"User"` (or another table's) row `id` FOR UPDATE in its own transaction until released. */
export async function holdRowLock(
  testDb: TestDb,
  table: "User" | "ProgrammeSession" | "RegionQuota",
  where: string,
): Promise<Held> {
  if (testDb.kind !== "postgres") return { release: async () => undefined };
  let release!: () => void;
  let locked!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = testDb.db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE ${where} FOR UPDATE`);
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

/** Waits until at least `n` backends of this database wait on a lock, or `stop()` says to give up. */
export async function lockWaiters(testDb: TestDb, n: number, stop: () => boolean = () => false): Promise<void> {
  if (testDb.kind !== "postgres") return;
  for (;;) {
    const [row] = await testDb.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) >= n || stop()) return;
    await new Promise((r) => setTimeout(r, 15));
  }
}
