/**
 * `npm run bench:profile` (`-- --seconds N`, default 10; `-- --keep`): where one server process
 * spends its CPU under the booking load. It builds the bench's data (1×), starts one production
 * server process (`WEB_CONCURRENCY=1`) under V8's CPU profiler (bench/lib/cpu-profile.mjs), books over HTTP with 16 clients
 * as `npm run bench` does, stops the server (which writes its profile) and prints the server's
 * CPU per booking, the self time by part (a package in node_modules, the app's server bundle,
 * Node's own modules, GC, native code) and the heaviest functions. On the embedded database by
 * default, on PostgreSQL with TEST_DATABASE_URL. It asserts nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FlattenMap, originalPositionFor, type TraceMap } from "@jridgewell/trace-mapping";
import os from "node:os";
import path from "node:path";
import { buildData, httpBookingTarget, httpCookies } from "~/bench/lib/data";
import { bookingLoad, outcomeText } from "~/bench/lib/load";
import { treeCpuMs } from "~/bench/lib/proc";
import { startServer } from "~/bench/lib/server";
import { buildApp, commitLine, createDatabases, machineLine } from "~/bench/lib/setup";
import { fmt } from "~/bench/lib/stats";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(arg("--seconds") ?? 10);
const keep = process.argv.includes("--keep");
const say = (line: string) => console.log(line);

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The source maps of the server bundle's chunks, read once each (null: the chunk has none). */
const maps = new Map<string, TraceMap | null>();
function mapOf(url: string): TraceMap | null {
  if (!maps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    maps.set(url, existsSync(file) ? new FlattenMap(readFileSync(file, "utf8")) : null);
  }
  return maps.get(url)!;
}

/** The original position of a frame in the server bundle, through the chunk's source map. */
function originalOf(frame: CallFrame): { source: string; line: number; name: string | null } | null {
  if (!frame.url.includes("/.next/server/") || !frame.url.startsWith("file:")) return null;
  const map = mapOf(frame.url);
  if (!map) return null;
  const at = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
  return at.source ? { source: decodeURIComponent(at.source), line: at.line ?? 0, name: at.name } : null;
}

const sourceOf = (frame: CallFrame): string | null => originalOf(frame)?.source ?? null;

/** What a frame belongs to: a package, the app's own code, a Node module, or V8's own buckets. */
export function partOf(frame: CallFrame): string {
  const { functionName } = frame;
  let url = frame.url;
  if (url.includes("/.next/server/") && url.startsWith("file:")) {
    const source = sourceOf(frame);
    if (!source) return "the server bundle (no source map)";
    if (!source.includes("node_modules/")) {
      const own = /(?:^|\/)((?:server|app|scripts|prisma)\/.*)$/.exec(source.replace(/^(\.\.\/)+/, ""));
      return own ? `app: ${own[1]!.split("/").slice(0, 2).join("/")}` : `app: ${source}`;
    }
    url = source;
  }
  if (!url) {
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(program)") return "V8 and native (program)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return `node: ${url.slice(5).split("/").slice(0, 2).join("/")}`;
  if (url.includes("/scripts/")) return `scripts/${url.split("/scripts/")[1]}`;
  return url;
}

/** Self time (ms) per node id. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return self;
}

/** The serving process (scripts/serve.mjs) under the starter (`npm start`'s scripts/start.mjs). */
function servingPid(starter: number): number {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (ppid === starter && cmd.includes("serve.mjs")) return Number(pid);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error(`no scripts/serve.mjs process under ${starter}`);
}

function busiest(dir: string): { file: string; profile: CpuProfile } {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`no profile was written to ${dir}`);
  // The serving process is the one that worked the longest (the starter and its helpers idle).
  const scored = files.map((f) => {
    const profile = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as CpuProfile;
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
    const busy = profile.samples.reduce((sum, id, i) => sum + (idle.has(id) ? 0 : (profile.timeDeltas[i] ?? 0)), 0);
    return { file: f, profile, busy, size: statSync(path.join(dir, f)).size };
  });
  scored.sort((a, b) => b.busy - a.busy);
  return scored[0]!;
}

/** Prints where a profile's busy time went: by part, socket writes by caller, heaviest functions. */
function report({ file, profile }: { file: string; profile: CpuProfile }) {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const part = partOf(frame);
    if (part === "(idle)") continue;
    total += ms;
    parts.set(part, (parts.get(part) ?? 0) + ms);
    const original = originalOf(frame);
    const where = original
      ? `${path.basename(original.source)}:${original.line}`
      : frame.url
        ? `${path.basename(frame.url)}:${frame.lineNumber + 1}`
        : "";
    const fn = `${original?.name ?? (frame.functionName || "(anonymous)")} ${where} [${part}]`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  // Native time (a system call) belongs to whoever asked for it: the nearest frame up the stack
  // that is a package's or the app's own.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = (id: number): string => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const part = partOf(byId.get(cur)!.callFrame);
      if (!part.startsWith("native") && !part.startsWith("node:") && part !== "V8 and native (program)") return part;
    }
    return "(no caller)";
  };
  const nativeOwners = new Map<string, number>();
  for (const [id, ms] of self) {
    const part = partOf(byId.get(id)!.callFrame);
    if (!part.startsWith("native: write")) continue;
    const key = `${part.slice(8)} ← ${owner(id)}`;
    nativeOwners.set(key, (nativeOwners.get(key) ?? 0) + ms);
  }
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(1)}%`.padStart(6);
  say(`\nprofile ${file} (the serving process, during the load): ${fmt(total)} ms busy`);
  say("self time by part:");
  for (const [part, ms] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 25)) say(`  ${pct(ms)}  ${part}`);
  say("socket writes by caller:");
  for (const [key, ms] of [...nativeOwners].sort((a, b) => b[1] - a[1]).slice(0, 10)) say(`  ${pct(ms)}  ${key}`);
  say("heaviest functions (self time):");
  for (const [fn, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) say(`  ${pct(ms)}  ${fn}`);
}

// `-- --analyse <file.cpuprofile>`: only the report, of a profile kept before.
const analyse = arg("--analyse");
if (analyse) {
  report({ file: analyse, profile: JSON.parse(readFileSync(analyse, "utf8")) as CpuProfile });
  process.exit(0);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "spo-profile-"));
const profDir = path.join(tmp, "profiles");
const dbs = await createDatabases(tmp);
let exitCode = 0;
say(`spo-forum booking profile, ${new Date().toISOString()}`);
say(`machine: ${machineLine()}`);
say(`code: ${commitLine()}; database: ${dbs.version}; one server process`);
try {
  await buildData({ url: dbs.one, scale: 1, rounds: 1 });
  await buildApp(path.join(tmp, "build.log"));
  const app = await startServer({
    port: Number(arg("--port") ?? 3211),
    databaseUrl: dbs.one,
    logFile: path.join(tmp, "server.log"),
    env: {
      WEB_CONCURRENCY: "1",
      NODE_OPTIONS: `--import ${pathToFileURL(path.resolve("bench/lib/cpu-profile.mjs")).href}`,
      SPO_CPU_PROFILE_DIR: profDir,
    },
  });
  const target = httpBookingTarget(app, await httpCookies());
  const warm = await bookingLoad(target, 4, 2);
  say(`warm-up: ${outcomeText(warm.outcomes)}`);
  const serving = servingPid(app.pid);
  process.kill(serving, "SIGUSR2");
  const cpu = treeCpuMs(app.pid);
  const load = await bookingLoad(target, 16, seconds);
  const cpuMs = treeCpuMs(app.pid) - cpu;
  app.check();
  await app.stop();
  const booked = (load.outcomes.BOOKED ?? 0) + (load.outcomes.WAITLISTED ?? 0);
  say(
    `16 clients, ${seconds} s: ${fmt(load.rps)} bookings/s, p50 ${load.p50} ms, p99 ${load.p99} ms; ${outcomeText(load.outcomes)}; ${load.errors} errors`,
  );
  say(`server CPU (its process tree, from /proc): ${fmt(cpuMs / Math.max(1, booked))} ms per booking`);

  report(busiest(profDir));
} catch (error) {
  exitCode = 1;
  console.error(`profile failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (!keep) await dbs.drop().catch((e: unknown) => console.error(`could not drop the databases: ${String(e)}`));
  if (exitCode === 0 && !keep) rmSync(tmp, { recursive: true, force: true });
  else say(`kept: ${tmp}`);
}
process.exit(exitCode);
