import { getDb } from "~/server/db";
import { checkReadiness } from "~/server/ops/readiness";

/**
 * Readiness for a load balancer: 200 when this instance can serve (database reachable,
 * migrations applied, mail worker alive), 503 with the failing checks' reasons otherwise.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const result = await checkReadiness({ getDb });
  return Response.json(
    { status: result.ready ? "ready" : "not ready", checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
