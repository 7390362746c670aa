import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, isStale, lockPathFor, readPgliteLock } from "./pglite-lock.mjs";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "spo-lock-unit-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const since = "2025-08-25T09:00:00.000Z";
const otherPid = process.pid + 1_000_000;

describe("isStale", () => {
  it("treats a dead holder as stale and a live one as not", () => {
    const lock = path.join(tmp, "db.lock");
    expect(isStale({ pid: otherPid, owner: "x", since }, lock, { isAlive: () => false })).toBe(true);
    expect(isStale({ pid: otherPid, owner: "x", since }, lock, { isAlive: () => true, startTimeMs: () => null })).toBe(
      false,
    );
  });

  it("treats a pid reused by a process started after the lock as stale", () => {
    const lock = path.join(tmp, "db.lock");
    const probes = { isAlive: () => true, startTimeMs: () => Date.parse(since) + 60_000 };
    expect(isStale({ pid: otherPid, owner: "x", since }, lock, probes)).toBe(true);
    const older = { isAlive: () => true, startTimeMs: () => Date.parse(since) - 60_000 };
    expect(isStale({ pid: otherPid, owner: "x", since }, lock, older)).toBe(false);
  });

  it("treats our own pid as stale unless this process holds the lock (restarted container)", async () => {
    const dir = path.join(tmp, "db");
    expect(isStale({ pid: process.pid, owner: "x", since }, lockPathFor(dir))).toBe(true);
    const release = await acquirePgliteLock(dir);
    expect(isStale({ pid: process.pid, owner: "x", since }, lockPathFor(dir))).toBe(false);
    release();
  });
});

describe("acquirePgliteLock", () => {
  it("writes <dir>.lock with pid, owner and time, and removes it on release", async () => {
    const dir = path.join(tmp, "nested", "pglite");
    const release = await acquirePgliteLock(dir, { owner: "unit test" });
    expect(fs.existsSync(`${dir}.lock`)).toBe(true);
    expect(readPgliteLock(dir)).toMatchObject({ pid: process.pid, owner: "unit test" });
    release();
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("waits, then refuses while the lock is held", async () => {
    const dir = path.join(tmp, "db");
    const release = await acquirePgliteLock(dir, { owner: "first holder" });
    const started = Date.now();
    await expect(acquirePgliteLock(dir, { waitMs: 200, pollMs: 20 })).rejects.toThrow(
      new RegExp(`PGlite data directory .*db is in use by process ${process.pid} \\(first holder\\).*stop it first`),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    release();
  });

  it("gets the lock as soon as the holder lets go", async () => {
    const dir = path.join(tmp, "db");
    const release = await acquirePgliteLock(dir);
    setTimeout(release, 100);
    const second = await acquirePgliteLock(dir, { waitMs: 5_000, pollMs: 20 });
    second();
  });

  it("takes over a lock left by a dead process and a corrupt old lock file", async () => {
    const dir = path.join(tmp, "db");
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12_345, owner: "crashed", since }));
    const release = await acquirePgliteLock(dir, { waitMs: 0 });
    expect(readPgliteLock(dir)?.pid).toBe(process.pid);
    release();

    fs.writeFileSync(`${dir}.lock`, "{");
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${dir}.lock`, old, old);
    (await acquirePgliteLock(dir, { waitMs: 0 }))();
  });
});
