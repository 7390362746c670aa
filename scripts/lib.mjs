/**
 * Helpers shared by the project's scripts (start, test, db). Plain Node, no build step:
 * these run before anything is compiled.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);
/** Our stand-in for Prisma's native schema engine (see prisma/engine/README.md). */
export const schemaEngine = path.join(root, "prisma", "engine", "schema-engine.mjs");

export function log(message) {
  console.log(`\x1b[36m[spo]\x1b[0m ${message}`);
}

/**
 * Runs a command with inherited stdio; resolves on exit 0, rejects otherwise.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string }} [options]
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? root,
      env: { ...process.env, ...options.env },
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** The Prisma CLI, offline: it spawns our engine instead of downloading the native one. */
export function prisma(args, env = {}) {
  return run(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), ...args], {
    env: { PRISMA_SCHEMA_ENGINE_BINARY: schemaEngine, PRISMA_HIDE_UPDATE_MESSAGE: "1", ...env },
  });
}

/** Runs a TypeScript entry point with tsx (path aliases from tsconfig.json work). */
export function tsx(file, args = [], env = {}) {
  return run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), file, ...args], { env });
}

export function fail(message) {
  console.error(`\x1b[31m[spo]\x1b[0m ${message}`);
  process.exit(1);
}

export const exists = (p) => existsSync(path.join(root, p));
