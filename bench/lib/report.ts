/**
 * The end of a bench run: every figure as min / median / max over the rounds, the page weights,
 * and one `RATIO <name> <value> <target> ok|short` line per target (medians over rounds of the
 * per-round ratios, so each ratio compares A and B measured side by side).
 */
import { type Figures, fmt } from "~/bench/lib/stats";
import type { PageWeight } from "~/bench/lib/pages";

export type Weights = (PageWeight & { label: string })[];

const KB = 1024;

type Target = { name: string; value: number | null; atLeast?: number; atMost?: number; unit?: string; why?: string };

function ratioLine(t: Target): string {
  const unit = t.unit ?? "";
  const goal = t.atLeast !== undefined ? `>=${t.atLeast}${unit}` : `<=${t.atMost}${unit}`;
  if (t.value === null || !Number.isFinite(t.value)) return `RATIO ${t.name} ${t.why ?? "n/a"} ${goal} short`;
  const ok = t.atLeast !== undefined ? t.value >= t.atLeast : t.value <= t.atMost!;
  const digits = unit === "" ? 2 : unit === "KB" ? 1 : 0;
  return `RATIO ${t.name} ${t.value.toFixed(digits)}${unit} ${goal} ${ok ? "ok" : "short"}`;
}

export function printSummary(o: {
  figures: Figures;
  weights: Weights;
  icsBytes: number;
  pgbench: boolean;
  paths: string[];
  day: string;
  organiserList: string;
  say: (line: string) => void;
}): void {
  const { figures: f, say } = o;
  for (const name of f.names()) say(f.line(name));
  say("");
  say("page weights (HTML as sent, uncompressed and gzipped; first-load JS = every <script src>, gzipped):");
  for (const w of o.weights) {
    say(
      `  ${w.label}: HTML ${fmt(w.htmlBytes / KB, 1)} KB (gzip ${fmt(w.htmlGzipBytes / KB, 1)} KB), JS ${fmt(w.jsGzipBytes / KB, 1)} KB gzip in ${w.scripts} scripts`,
    );
  }
  say(`  /programme.ics: ${fmt(o.icsBytes / KB, 1)} KB`);
  say("");

  const js = (label: string) => (o.weights.find((w) => w.label === label)?.jsGzipBytes ?? NaN) / KB;
  const pageRatio = (p: string) => f.median(`ratio guest ${p} app / bare`);
  const [programme, day, session, ics] = o.paths as [string, string, string, string];
  const targets: Target[] = [
    {
      name: "booking_http_vs_pgbench",
      value: o.pgbench ? f.median("ratio booking HTTP / pgbench (16)") : null,
      atLeast: 0.25,
      why: "no-pgbench",
    },
    { name: "booking_p99_200", value: f.median("booking HTTP 200 clients p99"), atMost: 250, unit: "ms" },
    // Both guest programme pages must reach it: the lower of the two counts.
    { name: "programme_guest_vs_bare", value: Math.min(pageRatio(programme), pageRatio(day)), atLeast: 0.25 },
    { name: "session_page_vs_bare", value: pageRatio(session), atLeast: 0.25 },
    { name: "ics_vs_bare", value: pageRatio(ics), atLeast: 0.25 },
    { name: "js_programme_guest", value: js("guest /programme"), atMost: 130, unit: "KB" },
    { name: "js_programme_signed_in", value: js("signed in /programme"), atMost: 180, unit: "KB" },
    { name: "programme_10x_cost", value: f.median(`ratio cost guest ${o.day} 10× / 1×`), atMost: 1.3 },
    { name: "my_10x_cost", value: f.median("ratio cost signed in /my 10× / 1×"), atMost: 1.3 },
    {
      name: "organiser_list_10x_cost",
      value: f.median(`ratio cost organiser ${o.organiserList} 10× / 1×`),
      atMost: 1.3,
    },
  ];
  say(`(*_10x_cost: mean ms per request, one client, 10× data over 1×: guest ${o.day}, /my, ${o.organiserList})`);
  for (const t of targets) say(ratioLine(t));
}
