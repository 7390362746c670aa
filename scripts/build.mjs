/**
 * Builds the app when its sources changed since the last build (`npm start` and `npm test` both
 * call it, so the end-to-end suite never waits for a cold build inside Playwright's webServer).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildServiceWorker, GENERATED } from "./build-sw.mjs";
import { log, root, run } from "./lib.mjs";

const generated = new Set(GENERATED.map((file) => path.normalize(file)));
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** A fingerprint of everything that goes into the build: paths, sizes and mtimes. */
function sourceFingerprint() {
  const hash = createHash("sha256");
  const skip = new Set(["node_modules", ".next", ".data", ".git", "e2e", "test-results", "playwright-report", "bench"]);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      // The offline app's bundles are outputs of the build, not sources.
      if (generated.has(path.relative(root, full))) continue;
      if (entry.isDirectory()) walk(full);
      else if (!/\.(test|spec)\.tsx?$/.test(entry.name)) {
        const st = statSync(full);
        hash.update(`${path.relative(root, full)}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "server", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of [
    "next.config.mjs",
    "postcss.config.mjs",
    "instrumentation.ts",
    "package-lock.json",
    "tsconfig.json",
  ]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(`${file}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

const fingerprintFile = path.join(root, ".next", "spo-source-fingerprint");

export async function buildIfNeeded() {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(fingerprintFile);
  if (built && readFileSync(fingerprintFile, "utf8") === fingerprint) {
    log("The build is up to date.");
    return;
  }
  log("Building the app (about a minute on 2 cores)…");
  await run(process.execPath, [nextBin, "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  // The service worker precaches the files this build wrote, so it is built after it.
  await buildServiceWorker();
  writeFileSync(fingerprintFile, fingerprint);
}
