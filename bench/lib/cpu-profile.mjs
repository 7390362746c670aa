/**
 * Preloaded by `npm run bench:profile` (NODE_OPTIONS=--import …; Node refuses --cpu-prof there):
 * in the serving process (scripts/serve.mjs) only, profiles the CPU from SIGUSR2 (sent after the
 * warm-up, so that start-up is not in it) and writes the profile to SPO_CPU_PROFILE_DIR when the
 * process is asked to stop (SIGTERM), before its own shutdown runs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.SPO_CPU_PROFILE_DIR;
if (dir && /serve\.mjs$/.test(process.argv[1] ?? "")) {
  const session = new Session();
  session.connect();
  process.on("SIGUSR2", () => session.post("Profiler.enable", () => session.post("Profiler.start")));
  process.prependListener("SIGTERM", () => {
    session.post("Profiler.stop", (err, result) => {
      if (err || !result) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `serve-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
