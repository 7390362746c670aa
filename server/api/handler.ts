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
import { sessionClaimOf, sessionUserOf } from "~/server/auth/session";
import { getDb } from "~/server/db";
import type { Db } from "~/server/db/client";
import { log } from "~/server/ops/log.mjs";

/**
 * Procedures that check the session in their own statement (server/api/trpc.ts
 * `claimedParticipantProcedure`): a request calling only these gets the cookie's claim instead of
 * a User read first. Listing a procedure of another kind here makes its calls unauthorised, never
 * the other way round.
 */
const CHECK_THEIR_OWN_SESSION = new Set(["booking.book"]);

/** `database`: the app's own unless a test passes its database. */
export function handleTrpc(req: Request, database: () => Promise<Db> = getDb): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async ({ info }) => {
      const cookies = parseCookieHeader(req.headers.get("cookie"));
      const claimOnly = info.calls.length > 0 && info.calls.every((c) => CHECK_THEIR_OWN_SESSION.has(c.path));
      const who = claimOnly
        ? await sessionClaimOf(cookies)
        : { user: await sessionUserOf(cookies, database), claim: null };
      return contextFromHeaders({ db: await database(), ...who, headers: req.headers });
    },
    onError({ error, path, ctx }) {
      // The person sees only this id (server/api/trpc.ts errorFormatter); the log has the rest.
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ err: error.cause ?? error, errorId: errorId(ctx), procedure: path }, "tRPC procedure failed");
    },
  });
}
