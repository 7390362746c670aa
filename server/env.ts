import { defaultPgliteUrl, parseDatabaseUrl, type DatabaseTarget } from "~/prisma/engine/database-url.mjs";
import { z } from "zod";

/**
 * The validated environment. This is the only module that reads `process.env`
 * (prisma.config.ts and scripts/*.mjs run outside the app and read it themselves).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgresql://… for PostgreSQL; unset or file:<dir> for the embedded database. */
  DATABASE_URL: z.string().trim().min(1).optional(),
  /** Secret that signs session cookies (32+ characters). `npm start` creates one in .data/ when unset. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Public base URL, used in links in mail and calendar feeds. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Integration tests: an admin URL of a PostgreSQL server; unset = in-memory PGlite. */
  TEST_DATABASE_URL: z.string().trim().min(1).optional(),
  /** Set by `next build`; the database must never be opened while it is set. */
  NEXT_PHASE: z.string().optional(),
  /**
   * Outgoing mail server, e.g. smtp://user:pass@host:587 or smtps://…:465 (percent-encode
   * special characters in the password). Unset or empty: mail is not sent; it stays in the
   * outbox and shows in the development mail viewer (/dev/mail).
   */
  SMTP_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  ),
  /** The From of every message. */
  MAIL_FROM: z.string().trim().min(3).default("Forum SPO <noreply@forum-spo.local>"),
  /**
   * "1" shows the development mail viewer (/dev/mail) in production mode too: the e2e tests
   * run against `next start`. Never set it on a public server: the viewer shows every message,
   * confirmation links included, to anyone.
   */
  DEV_MAIL_VIEWER: z.stringbool().default(false),
  /**
   * A fixed "now" for the programme's «Сейчас идёт / Далее» and its default day (ISO time with an
   * offset, e.g. 2025-08-25T12:45:00+03:00). Tests only: honoured when NODE_ENV is not production
   * or DEV_MAIL_VIEWER=1 (the e2e run), never by a real production server.
   */
  FORUM_CLOCK: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.iso.datetime({ offset: true, error: "must be an ISO time with an offset" }).optional(),
  ),
  /** Connections of this process's PostgreSQL pool (every instance has its own). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a resolved session cookie is reused on one instance (ms); 0 = never. */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Bearer token for /api/metrics (Prometheus); unset: the endpoint does not exist. */
  METRICS_TOKEN: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  ),
  /**
   * "1" seeds the demo programme and the five demo accounts (README) into a configured database
   * (DATABASE_URL set). The zero-setup embedded database always gets them; a deployment never
   * does unless this is set (or `npm run db:seed -- --demo` is run).
   */
  SEED_DEMO: z.stringbool().default(false),
});

export type Env = z.infer<typeof schema>;

/** Checks an environment (the deployment example in docs/deploy is checked with it by a test). */
export function parseEnv(record: Record<string, string | undefined>) {
  return schema.safeParse(record);
}

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();

export const isBuildPhase = (): boolean => env.NEXT_PHASE === "phase-production-build";

export type { DatabaseTarget };

/**
 * Which database DATABASE_URL names: `postgresql://…` is a PostgreSQL server (adapter-pg);
 * `file:<dir>` is an embedded PGlite data directory; unset is `.data/pglite`. The same parser
 * serves the Prisma CLI's engine (prisma/engine/database-url.mjs), so both always agree.
 */
export function databaseTarget(url: string | undefined = env.DATABASE_URL): DatabaseTarget {
  const root = /* turbopackIgnore: true */ process.cwd();
  return parseDatabaseUrl(url || defaultPgliteUrl(root), { cwd: root });
}
