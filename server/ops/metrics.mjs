/**
 * Prometheus metrics of this process (prom-client), served at /api/metrics to holders of
 * METRICS_TOKEN. Plain JavaScript, one registry per process on globalThis: scripts/serve.mjs
 * records request latencies, the app (bundled by Next) records bookings, mail and refusals, and
 * registers gauges that read the database and the connection pool when scraped.
 */
import client from "prom-client";

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "spo_process_" });
  const counter = (name, help, labelNames = []) =>
    new client.Counter({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    httpDuration: new client.Histogram({
      name: "spo_http_request_duration_seconds",
      help: "HTTP request latency by route",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    bookings: counter("spo_bookings_total", "Booking attempts by outcome", ["outcome"]),
    cancellations: counter("spo_cancellations_total", "Seats cancelled by their holders"),
    promotions: counter("spo_promotions_total", "Waitlisted people given a freed seat"),
    mailSent: counter("spo_mail_sent_total", "Messages the SMTP server accepted"),
    mailFailed: counter("spo_mail_failed_total", "Send attempts that failed", ["final"]),
    rateLimitRefusals: counter("spo_rate_limit_refusals_total", "Requests refused by a rate limit", ["action"]),
    /** Gauges registered once by the app (they need the database); see server/ops/gauges.ts. */
    gaugesRegistered: false,
  };
}

/** @type {{ __spoMetrics?: ReturnType<typeof createMetrics> }} */
const holder = /** @type {never} */ (globalThis);

export const metrics = (holder.__spoMetrics ??= createMetrics());

/**
 * A route label without ids: /sessions/cm2x… → /sessions/:id; tRPC calls keep their procedure
 * names (a batch is "batch"); static files are one label.
 * @param {string} pathname
 */
export function routeLabel(pathname) {
  if (pathname.startsWith("/_next/")) return "/_next";
  if (pathname.startsWith("/api/trpc/")) {
    const names = pathname.slice("/api/trpc/".length);
    return names.includes(",") ? "/api/trpc/batch" : `/api/trpc/${names.slice(0, 80)}`;
  }
  return (
    pathname
      .split("/")
      .map((s) => (s.length >= 16 || /\d/.test(s) ? ":id" : s))
      .join("/")
      .slice(0, 100) || "/"
  );
}
