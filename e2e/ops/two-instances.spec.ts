/**
 * Two app instances on one PostgreSQL, as the forum's IT staff run it behind a proxy: a booking
 * rush split across both oversells nothing, an edit on one is seen on the other, rate limits hold
 * across both, and each mail goes out once. Runs where the suite has PostgreSQL
 * (TEST_DATABASE_URL; CI always sets it) against the production build `npm test` made.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startSmtpSink, type SmtpSink } from "~/server/mail/testing/smtp-sink";

const adminUrl = process.env.TEST_DATABASE_URL;
const root = process.cwd();
const ports = [3111, 3112];
const bases = ports.map((p) => `http://localhost:${p}`);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function runNode(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 300_000 }, (e, out, err) =>
      e ? reject(new Error(`${args.join(" ")}: ${err || out}`)) : resolve(out),
    );
  });
}

async function waitReady(base: string) {
  for (let i = 0; i < 240; i += 1) {
    const ok = await fetch(`${base}/api/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} never became ready`);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through Auth.js's credentials endpoint; returns the session cookie (or null) and the redirect. */
async function signIn(base: string, email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/my` }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  return { cookie: session ?? null, location: res.headers.get("location") ?? "" };
}

async function trpc(base: string, cookie: string, procedure: string, input: unknown, method: "GET" | "POST") {
  const body = JSON.stringify({ json: input });
  const url =
    method === "GET"
      ? `${base}/api/trpc/${procedure}?input=${encodeURIComponent(body)}`
      : `${base}/api/trpc/${procedure}`;
  const res = await fetch(url, {
    method,
    headers: { cookie, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
    body: method === "POST" ? body : undefined,
  });
  const json = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!res.ok) throw new Error(`${procedure} ${res.status}: ${JSON.stringify(json.error)}`);
  return json.result!.data.json;
}

type Fixture = {
  people: { email: string; password: string }[];
  organiser: { email: string; password: string };
  sessionId: string;
};

if (adminUrl) {
  test.describe("two app instances on one PostgreSQL", () => {
    test.describe.configure({ mode: "serial", timeout: 600_000 });
    const database = `spo_e2e_two_${randomBytes(4).toString("hex")}`;
    const url = withDatabase(adminUrl, database);
    const servers: ChildProcess[] = [];
    let sink: SmtpSink;
    let fixture: Fixture;
    let sql: pg.Client;

    test.beforeAll(async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${database}"`);
      await admin.end();
      const env = { DATABASE_URL: url, SEED_DEMO: "1" };
      await runNode([path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
        ...env,
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "prisma", "engine", "schema-engine.mjs"),
      });
      const tsx = path.join("node_modules", "tsx", "dist", "cli.mjs");
      await runNode([tsx, "prisma/seed/main.ts", "--demo"], env);
      fixture = JSON.parse((await runNode([tsx, "e2e/ops/cluster-fixture.ts", "20"], env)).trim().split("\n").at(-1)!);
      sink = await startSmtpSink();
      for (const port of ports) {
        const child = spawn(process.execPath, ["scripts/serve.mjs"], {
          cwd: root,
          stdio: "ignore",
          env: {
            ...process.env,
            NODE_ENV: "production",
            PORT: String(port),
            HOST: "127.0.0.1",
            DATABASE_URL: url,
            APP_URL: bases[0],
            AUTH_SECRET: "two-instances-test-secret-0123456789abcdef",
            SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
            DEV_MAIL_VIEWER: "0",
          },
        });
        servers.push(child);
      }
      await Promise.all(bases.map(waitReady));
      sql = new pg.Client({ connectionString: url });
      await sql.connect();
    });

    test.afterAll(async () => {
      await sql?.end();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise((resolve) => {
              s.once("exit", resolve);
              s.kill("SIGTERM");
            }),
        ),
      );
      await sink?.close();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    });

    test("a rush split across both instances fills the seats exactly, and each confirmation is mailed once", async () => {
      // Signed in on one instance, booking on the other: the session is shared.
      const people = await Promise.all(
        fixture.people.map(async (p, i) => {
          const { cookie } = await signIn(bases[i % 2]!, p.email, p.password);
          expect(cookie, p.email).toBeTruthy();
          return { ...p, cookie: cookie!, base: bases[(i + 1) % 2]! };
        }),
      );
      const results = await Promise.all(
        people.map((p) =>
          trpc(p.base, p.cookie, "booking.book", { sessionId: fixture.sessionId, waitlistIfFull: true }, "POST"),
        ),
      );
      const outcomes = results.map((r) => (r as { outcome: string }).outcome);
      const capacity = fixture.people.length / 2;
      expect(outcomes.filter((o) => o === "BOOKED")).toHaveLength(capacity);
      expect(outcomes.filter((o) => o === "WAITLISTED")).toHaveLength(fixture.people.length - capacity);
      const row = await sql.query(
        `SELECT "bookedCount", (SELECT count(*)::int FROM "Booking" WHERE "sessionId" = $1) AS bookings
         FROM "ProgrammeSession" WHERE id = $1`,
        [fixture.sessionId],
      );
      expect(row.rows[0]).toEqual({ bookedCount: capacity, bookings: capacity });

      // Both instances run a mail worker; every confirmation still arrives exactly once.
      const booked = people.filter((_, i) => outcomes[i] === "BOOKED").map((p) => p.email);
      await expect
        .poll(() => booked.filter((email) => sink.received.some((m) => m.envelopeTo.includes(email))).length, {
          timeout: 120_000,
        })
        .toBe(capacity);
      await new Promise((r) => setTimeout(r, 12_000)); // two more worker rounds on each instance
      for (const email of booked) {
        expect(
          sink.received.filter((m) => m.envelopeTo.includes(email)),
          email,
        ).toHaveLength(1);
      }
    });

    test("an organiser's edit on one instance is seen on the other at once", async () => {
      const { cookie } = await signIn(bases[0]!, fixture.organiser.email, fixture.organiser.password);
      expect(cookie).toBeTruthy();
      const tracks = (await trpc(bases[0]!, cookie!, "programmeAdmin.tracks", undefined, "GET")) as {
        id: string;
        code: string;
        title: string;
        description: string;
        color: string;
        order: number;
      }[];
      const track = tracks[0]!;
      const title = `${track.title.slice(0, 150)} (изменено ${randomBytes(3).toString("hex")})`;
      await trpc(
        bases[0]!,
        cookie!,
        "programmeAdmin.updateTrack",
        {
          id: track.id,
          data: { code: track.code, title, description: track.description, color: track.color, order: track.order },
        },
        "POST",
      );
      const page = await fetch(`${bases[1]}/programme?day=2025-08-25&track=${encodeURIComponent(track.code)}`);
      expect(await page.text()).toContain(title);
    });

    test("the per-email sign-in limit holds across both instances", async () => {
      // An address nobody signed in with yet (the limit counts every attempt, known address or not).
      const target = `nobody-${randomBytes(4).toString("hex")}@example.test`;
      const answers: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        answers.push((await signIn(bases[i % 2]!, target, `wrong-password-${i}`)).location);
      }
      // Ten attempts per 15 minutes per address, counted in the database: the 11th is refused on either instance.
      expect(answers.slice(0, 10).every((l) => !l.includes("rate_limited"))).toBe(true);
      expect(answers.slice(10).every((l) => l.includes("rate_limited"))).toBe(true);
    });
  });
}
