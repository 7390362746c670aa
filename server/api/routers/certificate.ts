import { z } from "zod";
import { createTRPCRouter, participantProcedure, publicProcedure } from "~/server/api/trpc";
import { myCertificate, verifyCertificate } from "~/server/certificates/service";

export const certificateRouter = createTRPCRouter({
  mine: participantProcedure.query(({ ctx }) => myCertificate({ db: ctx.db, user: ctx.user })),
  verify: publicProcedure
    .input(z.object({ code: z.string().trim().min(1).max(40) }))
    .query(({ ctx, input }) => verifyCertificate({ db: ctx.db, code: input.code, ip: ctx.ip })),
});
