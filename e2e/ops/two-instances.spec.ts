/**
 * Two app instances on one PostgreSQL, as the forum's IT staff run it behind a proxy: a booking
 * rush split across both oversells nothing, an edit on one is seen on the other, rate limits hold
 * across both, and each mail goes out once. Runs where the suite has PostgreSQL
 * (TEST_DATABASE_URL; CI always sets it) against the production build `npm test` made.
 */
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startSmtpSink, type SmtpSink } from "~/server/mail/testing/smtp-sink";
import {
  createFixture,
  prepareDatabase,
  signIn,
  startInstance,
  trpc,
  waitReady,
  withDatabase,
  type Fixture,
} from "./cluster";

const adminUrl = process.env.TEST_DATABASE_URL;
const ports = [3111, 3112];
const bases = ports.map((p) => `http://localhost:${p}`);

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
      await prepareDatabase(url);
      fixture = await createFixture(url, 20);
      sink = await startSmtpSink();
      for (const port of ports) {
        servers.push(
          startInstance({
            port,
            databaseUrl: url,
            // Both behind one public address, as behind a proxy; one mail server for both.
            env: { APP_URL: bases[0]!, SMTP_URL: `smtp://127.0.0.1:${sink.port}` },
          }),
        );
      }
      await Promise.all(bases.map((b) => waitReady(b)));
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

    test("an organiser's edit on one instance is seen on the other within seconds, though guest pages are cached", async () => {
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
      const guestPage = `/programme?day=2025-08-25&track=${encodeURIComponent(track.code)}`;
      // Both instances hold the guest page in their cache (the second answer is the cached copy).
      for (const base of bases) {
        for (let i = 0; i < 2; i += 1) expect((await fetch(`${base}${guestPage}`)).status).toBe(200);
      }
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
      // The instance that made the edit stops serving its cached copies at once…
      expect(await (await fetch(`${bases[0]}${guestPage}`)).text()).toContain(title);
      // …the other sees the programme version move on its next poll (every second).
      await expect
        .poll(async () => (await (await fetch(`${bases[1]}${guestPage}`)).text()).includes(title), { timeout: 30_000 })
        .toBe(true);
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
