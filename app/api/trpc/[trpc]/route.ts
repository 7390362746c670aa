import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { requestIp } from "~/server/auth/request-ip";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createContextInner({ db: await getDb(), user: await getSessionUser(), ip: requestIp(req.headers) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error);
    },
  });

export { handler as GET, handler as POST };
