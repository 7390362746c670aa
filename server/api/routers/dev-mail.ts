import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { devMailIdInput, devMailListInput } from "~/server/mail/schema";
import { getOutboxMessage, listOutbox } from "~/server/mail/service";

/** The development mail viewer's data; NOT_FOUND whenever the viewer is off (production). */
export const devMailRouter = createTRPCRouter({
  list: publicProcedure.input(devMailListInput).query(({ ctx, input }) => listOutbox({ db: ctx.db, input })),
  message: publicProcedure.input(devMailIdInput).query(({ ctx, input }) => getOutboxMessage({ db: ctx.db, input })),
});
