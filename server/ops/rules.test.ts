import { describe, expect, it } from "vitest";
import { mailWorkerCheck, migrationsCheck } from "~/server/ops/rules";

describe("readiness rules", () => {
  it("needs every migration folder applied", () => {
    expect(migrationsCheck(["a", "b"], ["a", "b"])).toEqual({ ok: true });
    expect(migrationsCheck(["a"], ["a", "z"])).toEqual({ ok: true });
    const missing = migrationsCheck(["a", "b", "c"], ["a"]);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toContain("b, c");
  });

  it("calls a silent or absent mail worker dead", () => {
    const now = 1_000_000;
    expect(mailWorkerCheck({ running: true, lastRunAt: now - 5_000, intervalMs: 5_000 }, now)).toEqual({ ok: true });
    expect(mailWorkerCheck({ running: false, lastRunAt: null, intervalMs: 5_000 }, now).ok).toBe(false);
    expect(mailWorkerCheck({ running: true, lastRunAt: now - 61_000, intervalMs: 5_000 }, now).ok).toBe(false);
    expect(mailWorkerCheck({ running: true, lastRunAt: now - 100_000, intervalMs: 30_000 }, now)).toEqual({ ok: true });
  });
});
