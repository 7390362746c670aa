/**
 * The server's memory and CPU, summed over its process tree (npm start's launcher, the server
 * and any workers it forks), read from /proc. Null where /proc is missing (not Linux).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

const PAGE_BYTES = 4096;
const TICK_MS = 10; // USER_HZ is 100 on Linux

type Stat = { pid: number; ppid: number; cpuTicks: number; rssPages: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: split after the last ")".
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]), rssPages: Number(f[21]) };
  } catch {
    return null; // the process ended meanwhile
  }
}

export const procAvailable = (): boolean => existsSync("/proc/self/stat");

/** Every live process whose ancestry reaches `root`, root included. */
export function processTree(root: number): Stat[] {
  if (!procAvailable()) return [];
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is Stat => s !== null);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const self = all.find((s) => s.pid === root);
  if (!self) return [];
  const out: Stat[] = [];
  const queue = [self];
  while (queue.length > 0) {
    const s = queue.shift()!;
    out.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return out;
}

/** Resident memory of the tree in MiB. */
export function treeRssMiB(root: number): number {
  const tree = processTree(root);
  if (tree.length === 0) return NaN;
  return (tree.reduce((sum, s) => sum + s.rssPages, 0) * PAGE_BYTES) / 2 ** 20;
}

/** CPU time (user + system) the tree has used so far, in ms. */
export function treeCpuMs(root: number): number {
  const tree = processTree(root);
  if (tree.length === 0) return NaN;
  return tree.reduce((sum, s) => sum + s.cpuTicks, 0) * TICK_MS;
}

/** Samples the tree's RSS every `everyMs` until stopped; returns the peak in MiB. */
export function sampleRss(root: number, everyMs = 200): { stop: () => number } {
  let peak = treeRssMiB(root);
  const timer = setInterval(() => {
    const now = treeRssMiB(root);
    if (Number.isFinite(now) && !(now <= peak)) peak = now;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
