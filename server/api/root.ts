import { programmeRouter } from "~/server/api/routers/programme";
import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";

export const appRouter = createTRPCRouter({
  programme: programmeRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller: `createCaller(createContextInner({ db }))`. */
export const createCaller = createCallerFactory(appRouter);
