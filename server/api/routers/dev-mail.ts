import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { devMailIdInput, devMailListInput } from "~/server/mail/schema";
import { devMailViewerEnabled, getOutboxMessage, listOutbox } from "~/server/mail/service";

/**
 * The development mail viewer's data; NOT_FOUND whenever the viewer is off (production) and for
 * every request whose TCP peer is not this machine (a forwarded header does not count).
 */
const enabled = (loopback: boolean) => loopback && devMailViewerEnabled();

export const devMailRouter = createTRPCRouter({
  list: publicProcedure
    .input(devMailListInput)
    .query(({ ctx, input }) => listOutbox({ db: ctx.db, input, enabled: enabled(ctx.loopback) })),
  message: publicProcedure
    .input(devMailIdInput)
    .query(({ ctx, input }) => getOutboxMessage({ db: ctx.db, input, enabled: enabled(ctx.loopback) })),
});
