/**
 * Lighthouse (npm `lighthouse`, Debian's headless Chromium through chrome-launcher, offline):
 * performance, accessibility and best-practices scores of the public pages, mobile (Lighthouse's
 * default: a mid-range phone on a slow 4G link, simulated) and desktop. Printed by the bench,
 * never run by the test suite. Targets (issue 15): mobile performance >= 95, best practices 100.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
type Category = (typeof CATEGORIES)[number];
export type LighthouseRow = {
  page: string;
  form: "mobile" | "desktop";
  scores: Record<Category, number | null>;
  /** LCP, TBT, CLS as Lighthouse shows them, and the audits that cost points. */
  notes: string[];
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const NOTE_AUDITS = ["largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"];

/** Runs Lighthouse on each page (label → path), mobile then desktop, one Chromium for all. */
export async function runLighthouse(base: string, pages: [label: string, path: string][]): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const [label, path] of pages) {
      for (const form of ["mobile", "desktop"] as const) {
        const result = await lighthouse(
          `${base}${path}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
          form === "desktop" ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`lighthouse gave no result for ${path}`);
        const lhr = result.lhr;
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [
            c,
            lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100),
          ]),
        ) as Record<Category, number | null>;
        const notes = NOTE_AUDITS.map((id) => `${id} ${lhr.audits[id]?.displayValue ?? "?"}`);
        const lcp = lcpElement(lhr.audits["largest-contentful-paint-element"]?.details);
        if (lcp) notes.push(`LCP element: ${lcp}`);
        // Informational audits (no weight): the back/forward cache and legacy JavaScript.
        for (const id of ["bf-cache", "legacy-javascript"]) {
          const a = lhr.audits[id];
          if (a) notes.push(`${id}: ${a.score === 1 ? "ok" : (a.displayValue ?? `score ${a.score}`)}`);
        }
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9 && !NOTE_AUDITS.includes(ref.id))
              notes.push(`${c}: ${ref.id} ${audit.displayValue ?? `score ${audit.score}`}`);
          }
        }
        rows.push({ page: label, form, scores, notes });
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

/** The LCP element's label from Lighthouse's details (a list whose first table names the node). */
function lcpElement(details: unknown): string | null {
  const d = details as { items?: { items?: { node?: { nodeLabel?: string; selector?: string } }[] }[] } | undefined;
  const node = d?.items?.[0]?.items?.[0]?.node;
  if (!node) return null;
  return `${node.selector ?? ""} «${(node.nodeLabel ?? "").slice(0, 60)}»`.trim();
}

/** Score lines, the costly audits, and one RATIO line per target. */
export function lighthouseLines(rows: LighthouseRow[]): string[] {
  const lines = ["lighthouse (performance / accessibility / best practices):"];
  for (const r of rows) {
    lines.push(
      `  ${r.form} ${r.page}: ${r.scores.performance ?? "?"} / ${r.scores.accessibility ?? "?"} / ${r.scores["best-practices"] ?? "?"}`,
    );
    for (const n of r.notes) lines.push(`    ${n}`);
  }
  const name = (page: string) => page.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "_") || "home";
  for (const r of rows) {
    const perf = r.scores.performance;
    const bp = r.scores["best-practices"];
    if (r.form === "mobile")
      lines.push(
        `RATIO lighthouse_mobile_${name(r.page)} ${perf ?? "n/a"} 95 ${perf !== null && perf >= 95 ? "ok" : "short"}`,
      );
    lines.push(
      `RATIO lighthouse_best_practices_${r.form}_${name(r.page)} ${bp ?? "n/a"} 100 ${bp === 100 ? "ok" : "short"}`,
    );
  }
  return lines;
}
