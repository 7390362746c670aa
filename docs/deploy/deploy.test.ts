/**
 * The deployment examples of the README are real configuration: the systemd unit passes
 * `systemd-analyze verify` and drives the app's own start script with a stop timeout longer than
 * the drain; the nginx example passes the headers the app's proxy trust needs; the example
 * environment passes the app's own validation.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/server/env";

const dir = path.join(process.cwd(), "docs", "deploy");
const read = (name: string) => readFileSync(path.join(dir, name), "utf8");

function iniValues(text: string, key: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.startsWith(`${key}=`))
    .map((l) => l.slice(key.length + 1).trim());
}

describe("deployment examples", () => {
  it("the systemd unit is valid and runs the app's start script with room to drain", () => {
    const unit = read("spo-forum@.service");
    const [exec] = iniValues(unit, "ExecStart");
    const [, script] = exec!.split(/\s+/);
    expect(existsSync(path.join(process.cwd(), script!))).toBe(true);
    expect(iniValues(unit, "KillSignal")).toEqual(["SIGTERM"]);
    // scripts/serve.mjs: 1.5 s grace + 20 s for requests in flight.
    expect(Number(iniValues(unit, "TimeoutStopSec")[0])).toBeGreaterThan(22);
    expect(iniValues(unit, "Environment")).toContain("HOST=127.0.0.1");

    const tmp = mkdtempSync(path.join(os.tmpdir(), "spo-unit-"));
    try {
      const instance = path.join(tmp, "spo-forum@1.service");
      copyFileSync(path.join(dir, "spo-forum@.service"), instance);
      // Exit status 0 means no fatal error in the unit (a missing `spo` user is only a warning here).
      execFileSync("systemd-analyze", ["verify", instance], { stdio: "pipe" });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("nginx passes what the app trusts and nothing the client chose", () => {
    const conf = read("nginx.conf");
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(conf).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(conf).toMatch(/proxy_set_header Host \$host;/);
    expect(conf).toMatch(/proxy_next_upstream [^;]*http_503/);
    const unitPorts = ["3001", "3002"];
    for (const port of unitPorts) expect(conf).toContain(`server 127.0.0.1:${port}`);
    // Balanced braces: a truncated edit would not load.
    expect(conf.split("{").length).toBe(conf.split("}").length);
  });

  it("the example environment passes the app's validation and trusts the local proxy", () => {
    const record = Object.fromEntries(
      read("env.example")
        .split("\n")
        .filter((l) => l.trim() && !l.startsWith("#"))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    const parsed = parseEnv({ ...record, NODE_ENV: "production" });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(record.TRUSTED_PROXIES).toBe("loopback");
    expect(record.APP_URL).toMatch(/^https:/);
  });
});
