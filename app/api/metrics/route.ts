import { timingSafeEqual } from "node:crypto";
import { env } from "~/server/env";
import { metrics } from "~/server/ops/metrics.mjs";

/** Prometheus metrics for holders of METRICS_TOKEN (`Authorization: Bearer …`); absent without it. */
export const dynamic = "force-dynamic";

function authorised(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function GET(req: Request): Promise<Response> {
  const token = env.METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  if (!authorised(req.headers.get("authorization"), token)) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  return new Response(await metrics.registry.metrics(), {
    headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" },
  });
}
