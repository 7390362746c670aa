import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { contextFromHeaders, errorId } from "~/server/api/trpc";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { log } from "~/server/ops/log.mjs";

export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      contextFromHeaders({ db: await getDb(), user: await getSessionUser(), headers: req.headers }),
    onError({ error, path, ctx }) {
      // The person sees only this id (server/api/trpc.ts errorFormatter); the log has the rest.
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ err: error.cause ?? error, errorId: errorId(ctx), procedure: path }, "tRPC procedure failed");
    },
  });

export { handler as GET, handler as POST };
