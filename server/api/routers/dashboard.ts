import { createTRPCRouter, fullOrganiserProcedure } from "~/server/api/trpc";
import { dashboard } from "~/server/dashboard/service";

export const dashboardRouter = createTRPCRouter({
  /** The live figures of /organiser/dashboard; null before any edition exists. */
  live: fullOrganiserProcedure.query(({ ctx }) => dashboard({ db: ctx.db })),
});
