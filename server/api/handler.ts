/**
 * The tRPC HTTP handler, one for both ways a call arrives: through Next's route
 * (app/api/trpc/[trpc]/route.ts, used by `next dev`) and straight from scripts/serve.mjs in
 * production, which hands /api/trpc/* to it without Next's routing (registered on globalThis by
 * server/shutdown.ts). Context comes from the request alone: the session cookie, and the
 * trusted headers the server's guard set (client address, request id).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { contextFromHeaders, errorId } from "~/server/api/trpc";
import { parseCookieHeader } from "~/server/auth/session-cache";
import { sessionUserOf } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { log } from "~/server/ops/log.mjs";

export function handleTrpc(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      contextFromHeaders({
        db: await getDb(),
        user: await sessionUserOf(parseCookieHeader(req.headers.get("cookie"))),
        headers: req.headers,
      }),
    onError({ error, path, ctx }) {
      // The person sees only this id (server/api/trpc.ts errorFormatter); the log has the rest.
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ err: error.cause ?? error, errorId: errorId(ctx), procedure: path }, "tRPC procedure failed");
    },
  });
}
