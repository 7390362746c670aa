// An inter-process lock for a PGlite data directory.
//
// PGlite has no lock of its own: two processes that open the same directory both "work", each sees
// only its own writes, and committed data is silently lost when the directory is reopened. Every
// process that opens the directory (the app server, the schema-engine shim, seed scripts) takes
// this lock first and keeps it for as long as the database is open.
//
// The lock is a file next to the directory, `<dir>.lock`, created atomically (O_EXCL) and holding
// JSON {pid, owner, since}. A lock whose process is gone is stale and is taken over. A lock held by
// a live process is waited for (the Prisma CLI starts engines back to back, each needing the
// directory for a moment) and then refused with an error naming the holder.

import fs from "node:fs";
import path from "node:path";

/**
 * @typedef {{ pid: number, owner: string, since: string }} LockInfo
 * @typedef {{ waitMs?: number, owner?: string, pollMs?: number }} AcquireOptions
 */

export const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_POLL_MS = 100;
/** A lock file that cannot be parsed for this long is a leftover of a crash while writing it. */
const UNREADABLE_GRACE_MS = 2_000;
/** Slack when comparing a process's start time with the lock's `since` (clock granularity). */
const START_TIME_SLACK_MS = 5_000;

/** Lock files held by this process; shared by every bundled copy of this module. */
const held = /** @type {Set<string>} */ (
  /** @type {any} */ (globalThis)[Symbol.for("spo.pgliteLock.held")] ??= new Set()
);

/**
 * Path of the lock file for a data directory: `<dir>.lock`, beside the directory.
 * @param {string} dir
 */
export function lockPathFor(dir) {
  const absolute = path.resolve(dir).replace(/[\\/]+$/, "");
  return `${absolute}.lock`;
}

/**
 * Takes the lock of a PGlite data directory, waiting up to `waitMs` for a live holder to let go.
 * Returns a synchronous release function; the lock is also released when the process exits.
 * @param {string} dir PGlite data directory (it need not exist yet).
 * @param {AcquireOptions} [options]
 * @returns {Promise<() => void>}
 */
export async function acquirePgliteLock(dir, options = {}) {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const owner = options.owner ?? defaultOwner();
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + waitMs;

  for (;;) {
    const info = { pid: process.pid, owner, since: new Date().toISOString() };
    if (tryCreate(lockPath, info)) return registerRelease(lockPath, info);

    const current = readLock(lockPath);
    if (current === "missing") continue;
    // Two processes taking over the same stale lock at the same instant could both succeed
    // (read, then unlink, is not atomic); the CLI and the app start one after the other, so
    // the window is accepted rather than paid for with a lock server.
    if (current === "unreadable" ? ageMs(lockPath) > UNREADABLE_GRACE_MS : isStale(current, lockPath)) {
      removeIfUnchanged(lockPath, current === "unreadable" ? null : current);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(busyMessage(dir, lockPath, current === "unreadable" ? null : current));
    }
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
}

/**
 * Reads the current holder of a directory's lock, or null when it is free (or unreadable).
 * @param {string} dir
 * @returns {LockInfo | null}
 */
export function readPgliteLock(dir) {
  const current = readLock(lockPathFor(dir));
  return typeof current === "object" ? current : null;
}

/**
 * Whether a lock record no longer protects anything: its process is dead, or the pid now
 * belongs to a process started after the lock was written (pid reuse), or it names this
 * process although this process holds no such lock (a previous incarnation, e.g. pid 1 in a
 * restarted container).
 * @param {LockInfo} info
 * @param {string} lockPath
 * @param {{ isAlive?: (pid: number) => boolean, startTimeMs?: (pid: number) => number | null }} [probes]
 */
export function isStale(info, lockPath, probes = {}) {
  const isAlive = probes.isAlive ?? processIsAlive;
  const startTimeMs = probes.startTimeMs ?? processStartTimeMs;
  if (info.pid === process.pid) return !held.has(lockPath);
  if (!isAlive(info.pid)) return true;
  const since = Date.parse(info.since);
  const started = startTimeMs(info.pid);
  return started !== null && Number.isFinite(since) && started > since + START_TIME_SLACK_MS;
}

/**
 * @param {number} pid
 */
export function processIsAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * Start time of a process in epoch milliseconds, from /proc (Linux); null elsewhere.
 * @param {number} pid
 * @returns {number | null}
 */
export function processStartTimeMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: parse after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const startTicks = Number(fields[19]);
    const btime = Number(/^btime (\d+)$/m.exec(fs.readFileSync("/proc/stat", "utf8"))?.[1]);
    if (!Number.isFinite(startTicks) || !Number.isFinite(btime)) return null;
    return btime * 1000 + (startTicks / 100) * 1000; // USER_HZ is 100 on Linux.
  } catch {
    return null;
  }
}

/**
 * @param {string} lockPath
 * @param {LockInfo} info
 */
function tryCreate(lockPath, info) {
  try {
    fs.writeFileSync(lockPath, `${JSON.stringify(info)}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * @param {string} lockPath
 * @returns {LockInfo | "missing" | "unreadable"}
 */
function readLock(lockPath) {
  let text;
  try {
    text = fs.readFileSync(lockPath, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const parsed = JSON.parse(text);
    if (Number.isInteger(parsed?.pid) && typeof parsed.since === "string") {
      return { pid: parsed.pid, owner: String(parsed.owner ?? "unknown"), since: parsed.since };
    }
  } catch {
    // fall through
  }
  return "unreadable";
}

/** @param {string} lockPath */
function ageMs(lockPath) {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Deletes the lock file unless another process rewrote it meanwhile.
 * @param {string} lockPath
 * @param {LockInfo | null} expected
 */
function removeIfUnchanged(lockPath, expected) {
  const current = readLock(lockPath);
  const same =
    expected === null
      ? current === "unreadable"
      : typeof current === "object" && current.pid === expected.pid && current.since === expected.since;
  if (!same) return;
  try {
    fs.unlinkSync(lockPath);
  } catch {
    // Someone else removed it first.
  }
}

/**
 * @param {string} lockPath
 * @param {LockInfo} info
 * @returns {() => void}
 */
function registerRelease(lockPath, info) {
  held.add(lockPath);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    held.delete(lockPath);
    removeIfUnchanged(lockPath, info);
  };
  process.on("exit", release);
  return release;
}

/**
 * @param {string} dir
 * @param {string} lockPath
 * @param {LockInfo | null} holder
 */
function busyMessage(dir, lockPath, holder) {
  const who = holder ? `process ${holder.pid} (${holder.owner}) since ${holder.since}` : "another process";
  return (
    `PGlite data directory ${path.resolve(dir)} is in use by ${who}; stop it first. ` +
    `Only one process may open a PGlite directory at a time (lock file ${lockPath}).`
  );
}

function defaultOwner() {
  return path.basename(process.argv[1] ?? process.argv0);
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
