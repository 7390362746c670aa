import { z } from "zod";
import { createTRPCRouter, fullOrganiserProcedure, participantProcedure } from "~/server/api/trpc";
import { feedbackInput } from "~/server/feedback/schema";
import { feedbackReport } from "~/server/feedback/report";
import { feedbackResults, giveFeedback, myFeedback } from "~/server/feedback/service";

export const feedbackRouter = createTRPCRouter({
  mine: participantProcedure.query(({ ctx }) => myFeedback({ db: ctx.db, user: ctx.user })),
  give: participantProcedure
    .input(feedbackInput)
    .mutation(({ ctx, input }) => giveFeedback({ db: ctx.db, user: ctx.user, input })),
  results: fullOrganiserProcedure.query(({ ctx }) => feedbackResults({ db: ctx.db })),
  /** Per session and per track, with the distribution; the page shows the newest comments, the export all. */
  report: fullOrganiserProcedure
    .input(z.object({ commentsPerSession: z.number().int().min(0).max(1000).optional() }).optional())
    .query(({ ctx, input }) => feedbackReport({ db: ctx.db, commentsPerSession: input?.commentsPerSession })),
});
