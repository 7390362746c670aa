#!/usr/bin/env node
/**
 * `npm run screenshots`: the pictures in docs/screenshots/, taken anew. Builds when needed, starts
 * the app as `npm start` does on its own embedded database with the demo data (.data/screenshots,
 * emptied first; port SCREENSHOT_PORT or 3300), and photographs the programme (cards and compact
 * view), a session page, `/my` (after booking two sessions of day 1 and starring one beside them; the
 * whole page), the organiser timetable and the audit log at 360 px and 1280 px in
 * Debian's Chromium (CHROMIUM_PATH).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { buildIfNeeded } from "./build.mjs";
import { fail, log, root } from "./lib.mjs";

const port = Number(process.env.SCREENSHOT_PORT ?? 3300);
const base = `http://localhost:${port}`;
const out = path.join(root, "docs", "screenshots");
const dataDir = path.join(root, ".data", "screenshots");

const accounts = {
  participant: { email: "participant@forum-spo.local", password: "uchastnik-demo-2025" },
  organiser: { email: "organiser@forum-spo.local", password: "orgkomitet-demo-2025" },
  admin: { email: "admin@forum-spo.local", password: "nastroyki-demo-2025" },
};

const viewports = [
  { name: "360", width: 360, height: 780, isMobile: true },
  { name: "1280", width: 1280, height: 860, isMobile: false },
];

async function waitForApp(child) {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`the app stopped (exit ${child.exitCode}) before it answered`);
    try {
      const res = await fetch(`${base}/programme`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  fail(`the app did not answer on ${base} within 10 minutes`);
}

async function signIn(page, who) {
  await page.goto(`${base}/signin?next=%2Faccount`);
  const form = page.locator("form").filter({ has: page.locator('input[type="password"]') });
  await form.locator('input[type="email"]').fill(who.email);
  await form.locator('input[type="password"]').fill(who.password);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL(/\/account$/);
}

async function shoot(page, url, file, { fullPage = false } = {}) {
  await page.goto(`${base}${url}`, { waitUntil: "networkidle" });
  await page.screenshot({ path: path.join(out, file), fullPage });
  log(`  ${file}`);
}

/** The booking buttons' labels, from the messages layer (the script holds no Russian text). */
const bookingText = JSON.parse(readFileSync(path.join(root, "server/i18n/messages/ru/booking.json"), "utf8")).booking;

/**
 * Gives the demo participant a day to show on /my. Day 1 of the demo programme has two sessions
 * at 12:30–14:00 and one at 15:00–16:30: a seat in the first and the last, a star on the second
 * (beside a seat: no clash), free time between.
 */
async function fillMyDay(page) {
  await page.goto(`${base}/programme?day=2025-08-25&view=cards`, { waitUntil: "networkidle" });
  const at = (time) => page.getByRole("article").filter({ hasText: time });
  const book = async (card) => {
    const button = card.getByRole("button", { name: bookingText.book, exact: true });
    if (await button.count()) {
      await button.click();
      await card.getByRole("button", { name: bookingText.cancel, exact: true }).waitFor();
    }
  };
  await book(at("12:30–14:00").first());
  await book(at("15:00–16:30").first());
  const star = at("12:30–14:00").nth(1).locator("button[aria-pressed]");
  if ((await star.getAttribute("aria-pressed")) !== "true") await star.click();
  await page.waitForLoadState("networkidle");
}

await buildIfNeeded();
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
log(`Starting the app on ${base} (embedded database, demo data)…`);
const app = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${path.relative(root, dataDir)}`,
    SEED_DEMO: "1",
    AUTH_SECRET: "screenshots-only-session-secret-not-for-production-0123",
    APP_URL: base,
    SMTP_URL: "",
  },
});
try {
  await waitForApp(app);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    for (const vp of viewports) {
      log(`${vp.width} px:`);
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        isMobile: vp.isMobile,
        hasTouch: vp.isMobile,
        deviceScaleFactor: 1,
        locale: "ru-RU",
        timezoneId: "Europe/Moscow",
      });
      const guest = await context.newPage();
      await shoot(guest, "/programme?view=cards", `programme-cards-${vp.name}.png`);
      await shoot(guest, "/programme?view=compact", `programme-compact-${vp.name}.png`);
      const session = await guest.locator('a[href^="/sessions/"]').first().getAttribute("href");
      if (session) await shoot(guest, session, `session-${vp.name}.png`);
      await context.close();

      for (const [who, pages] of [
        ["participant", [["/my", "my"]]],
        ["organiser", [["/organiser/programme", "timetable"]]],
        ["admin", [["/admin/audit", "audit-log"]]],
      ]) {
        const ctx = await browser.newContext({
          viewport: { width: vp.width, height: vp.height },
          isMobile: vp.isMobile,
          hasTouch: vp.isMobile,
          deviceScaleFactor: 1,
          locale: "ru-RU",
          timezoneId: "Europe/Moscow",
        });
        const page = await ctx.newPage();
        await signIn(page, accounts[who]);
        if (who === "participant") await fillMyDay(page);
        // /my is shown whole: the ticket comes first, the day timeline below it.
        for (const [url, name] of pages) await shoot(page, url, `${name}-${vp.name}.png`, { fullPage: name === "my" });
        await ctx.close();
      }
    }
  } finally {
    await browser.close();
  }
  log(`Screenshots are in ${path.relative(root, out)}/`);
} finally {
  app.kill("SIGTERM");
}
