/**
 * Load over HTTP: autocannon for pages and bookings (closed loop, N connections, fixed time),
 * and a 500-request race fired at once.
 */
import autocannon from "autocannon";
import { bookingPair } from "~/bench/lib/data";

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  meanMs: number;
  requests: number;
  errors: number;
  /** Requests still unanswered when the time was up (not in the latency figures). */
  unanswered: number;
};

function summary(r: autocannon.Result, counted: number): LoadResult {
  return {
    rps: counted / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    // autocannon's latencies are whole milliseconds: a sub-millisecond answer reads as 0. The
    // time per request of the connections (each waits for its answer) has no such floor.
    meanMs: r.requests.total > 0 ? (r.duration * 1000 * r.connections) / r.requests.total : 0,
    requests: r.requests.total,
    errors: r.errors + r.non2xx,
    unanswered: Math.max(0, r.requests.sent - r.requests.total),
  };
}

/** GET `path` with `connections` clients for `seconds`; req/s counts 2xx answers only. */
export async function pageLoad(opts: {
  base: string;
  path: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const r = await autocannon({
    url: `${opts.base}${opts.path}`,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
  });
  return summary(r, r["2xx"]);
}

export type BookingTarget = {
  base: string;
  origin: string;
  /** Cookie of person n. */
  cookies: readonly string[];
  /** Session id of slot n. */
  sessionIds: readonly string[];
  /** The next booking's number; shared across runs so no pair (person, session) repeats. */
  counter: { k: number };
};

export type BookingResult = LoadResult & { outcomes: Record<string, number> };

const bookBody = (sessionId: string) => JSON.stringify({ json: { sessionId, waitlistIfFull: true } });

function outcomeOf(status: number, body: string): string {
  if (status !== 200) return `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body) as { result?: { data?: { json?: { outcome?: string; already?: boolean } } } };
    const answer = parsed.result?.data?.json;
    // A pair booked before (the fixture ran out of pairs) is not a new booking.
    return answer?.already ? "already booked" : (answer?.outcome ?? "unreadable");
  } catch {
    return "unreadable";
  }
}

/** Each request books a different (person, session) pair over tRPC; counts BOOKED and WAITLISTED. */
export async function bookingLoad(target: BookingTarget, connections: number, seconds: number) {
  const outcomes: Record<string, number> = {};
  const limit = target.cookies.length * target.sessionIds.length;
  const r = await autocannon({
    url: target.base,
    connections,
    duration: seconds,
    // 200 clients on a slow server queue for longer than autocannon's default 10 s.
    timeout: 60,
    requests: [
      {
        method: "POST",
        path: "/api/trpc/booking.book",
        setupRequest: (req) => {
          const k = target.counter.k++ % limit;
          const pair = bookingPair(k, target.cookies.length, target.sessionIds.length);
          return {
            ...req,
            headers: {
              "content-type": "application/json",
              origin: target.origin,
              cookie: target.cookies[pair.person]!,
            },
            body: bookBody(target.sessionIds[pair.session]!),
          };
        },
        onResponse: (status, body) => {
          const o = outcomeOf(status, body);
          outcomes[o] = (outcomes[o] ?? 0) + 1;
        },
      },
    ],
  });
  const counted = (outcomes.BOOKED ?? 0) + (outcomes.WAITLISTED ?? 0);
  return { ...summary(r, counted), errors: r.errors + (r.requests.total - counted), outcomes };
}

/** `cookies.length` people book one session at the same moment; time until the last answer. */
export async function race(opts: { base: string; origin: string; cookies: readonly string[]; sessionId: string }) {
  const started = performance.now();
  const outcomes: Record<string, number> = {};
  await Promise.all(
    opts.cookies.map(async (cookie) => {
      const o = await fetch(`${opts.base}/api/trpc/booking.book`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: opts.origin, cookie },
        body: bookBody(opts.sessionId),
      }).then(
        async (res) => outcomeOf(res.status, await res.text()),
        () => "connection error",
      );
      outcomes[o] = (outcomes[o] ?? 0) + 1;
    }),
  );
  return { settleMs: performance.now() - started, outcomes };
}

export const outcomeText = (o: Record<string, number>): string =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "none";
