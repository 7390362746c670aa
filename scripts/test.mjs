#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in order — lint and formatting, types, unit tests, integration tests
 * (on PostgreSQL when TEST_DATABASE_URL is set, else on in-memory PGlite), then the
 * end-to-end tests in Debian's Chromium against the app started as `npm start` starts it.
 * Installs Chromium from Debian when it is missing and we are root.
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build.mjs";
import { bin, fail, log, root, run } from "./lib.mjs";
import { nodeVersionProblem, requiredNodeRange } from "./node-version.mjs";

const nodeProblem = nodeVersionProblem(process.versions.node, requiredNodeRange());
if (nodeProblem) fail(nodeProblem);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `Chromium is missing at ${chromium}. Install Debian's browser as root ("apt-get install chromium") ` +
        "or set CHROMIUM_PATH to a Chromium binary, then run npm test again.",
    );
  }
  log("Installing Debian's chromium for the end-to-end tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (!existsSync(chromium)) fail(`apt-get finished but ${chromium} is still missing.`);
}

/** Readers the tests use to read back what the app writes: zbarimg (QR codes), pdftotext and pdftoppm (PDF). */
const readers = [
  { bin: "/usr/bin/zbarimg", pkg: "zbar-tools" },
  { bin: "/usr/bin/pdftotext", pkg: "poppler-utils" },
  { bin: "/usr/bin/pdftoppm", pkg: "poppler-utils" },
];

function ensureReaders() {
  const missing = [...new Set(readers.filter((r) => !existsSync(r.bin)).map((r) => r.pkg))];
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `The tests read QR codes and PDFs back with Debian's ${missing.join(", ")}: install as root ("apt-get install ${missing.join(" ")}") and run npm test again.`,
    );
  }
  log(`Installing Debian's ${missing.join(", ")} for the tests that read QR codes and PDFs…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
  const still = readers.filter((r) => !existsSync(r.bin)).map((r) => r.bin);
  if (still.length > 0) fail(`apt-get finished but ${still.join(", ")} is still missing.`);
}

const steps = process.argv.slice(2);
const want = (step) => steps.length === 0 || steps.includes(step);
const started = Date.now();

try {
  if (want("lint")) {
    log("Lint and formatting…");
    await run(bin("eslint"), [".", "--max-warnings=0"]);
    await run(bin("prettier"), ["--check", ".", "--log-level", "warn"]);
  }
  if (want("typecheck")) {
    log("Type check…");
    await run(bin("tsc"), ["--noEmit"]);
  }
  if (want("unit")) {
    log("Unit tests…");
    await run(bin("vitest"), ["run", "--project", "unit"]);
  }
  if (want("integration") || want("e2e")) ensureReaders();
  if (want("integration")) {
    log(
      `Integration tests on ${process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "in-memory PGlite"}…`,
    );
    await run(bin("vitest"), ["run", "--project", "integration"]);
  }
  if (want("e2e")) {
    ensureChromium();
    rmSync(path.join(root, ".data", "e2e"), { recursive: true, force: true });
    rmSync(path.join(root, ".data", "e2e.lock"), { force: true });
    // Build first: Playwright's webServer then only migrates, seeds and starts the app.
    await buildIfNeeded();
    log("End-to-end tests (Chromium)…");
    await run(bin("playwright"), ["test"]);
  }
  log(`All tests passed in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
