/** Pure readiness decisions for /api/ready (server/ops/readiness.ts gathers the facts). */

export type CheckResult = { ok: true } | { ok: false; reason: string };

/** Every migration folder must be applied (and finished); extra applied ones are a newer database. */
export function migrationsCheck(expected: readonly string[], applied: readonly string[]): CheckResult {
  const done = new Set(applied);
  const missing = expected.filter((m) => !done.has(m));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `${missing.length} migration(s) not applied: ${missing.join(", ")}; run npm run db:migrate`,
    };
  }
  return { ok: true };
}

/** The mail worker is alive when its loop finished a run recently (a run may take a while). */
export function mailWorkerCheck(
  beat: { running: boolean; lastRunAt: number | null; intervalMs: number },
  now: number,
): CheckResult {
  if (!beat.running || beat.lastRunAt === null) return { ok: false, reason: "mail worker is not running" };
  const allowed = Math.max(60_000, beat.intervalMs * 6);
  const silent = now - beat.lastRunAt;
  if (silent > allowed) return { ok: false, reason: `mail worker silent for ${Math.round(silent / 1000)} s` };
  return { ok: true };
}
