import { createTRPCRouter, fullOrganiserProcedure, participantProcedure } from "~/server/api/trpc";
import { feedbackInput } from "~/server/feedback/schema";
import { feedbackResults, giveFeedback, myFeedback } from "~/server/feedback/service";

export const feedbackRouter = createTRPCRouter({
  mine: participantProcedure.query(({ ctx }) => myFeedback({ db: ctx.db, user: ctx.user })),
  give: participantProcedure
    .input(feedbackInput)
    .mutation(({ ctx, input }) => giveFeedback({ db: ctx.db, user: ctx.user, input })),
  results: fullOrganiserProcedure.query(({ ctx }) => feedbackResults({ db: ctx.db })),
});
