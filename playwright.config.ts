import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const isCI = Boolean(process.env.CI);

/**
 * End-to-end tests in Debian's Chromium against the app started exactly as `npm start`
 * starts it, on its own embedded database (.data/e2e, emptied by scripts/test.mjs).
 */
export default defineConfig({
  testDir: "e2e",
  forbidOnly: isCI,
  retries: 0,
  workers: 1,
  // Sized for a machine four times slower than a quiet 2-core one: CI shares its cores.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: isCI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    trace: "retain-on-failure",
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/programme`,
    // npm test builds before Playwright starts; this covers migrate + seed + start on a busy machine.
    timeout: 600_000,
    reuseExistingServer: !isCI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:.data/e2e",
      // A configured database gets no demo data unless asked; the tests sign in as the demo accounts.
      SEED_DEMO: "1",
      // A configured database needs its own session secret (a fixed one for the test run only).
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-only-session-secret-not-for-production-0123456789",
      APP_URL: `http://localhost:${port}`,
      // The tests read mail in the development mail viewer (no SMTP server in the test run).
      DEV_MAIL_VIEWER: "1",
      SMTP_URL: "",
      // "Now" for the programme (its default day, «Сейчас идёт / Далее»): 12:45 MSK on the demo
      // forum's first day, the day /programme opens on anyway. Honoured here because DEV_MAIL_VIEWER=1;
      // a real production server never reads it (server/programme/clock.ts).
      FORUM_CLOCK: process.env.E2E_FORUM_CLOCK ?? "2025-08-25T12:45:00+03:00",
    },
  },
});
