import { createTRPCRouter, fullOrganiserProcedure, participantProcedure } from "~/server/api/trpc";
import { emailInput, registrationIdInput } from "~/server/tickets/schema";
import { myTicket, reissueTicket, reissueTicketByEmail, ticketHistory } from "~/server/tickets/service";

export const ticketRouter = createTRPCRouter({
  mine: participantProcedure.query(({ ctx }) => myTicket({ db: ctx.db, user: ctx.user })),
  history: fullOrganiserProcedure
    .input(registrationIdInput)
    .query(({ ctx, input }) => ticketHistory({ db: ctx.db, registrationId: input.registrationId })),
  reissue: fullOrganiserProcedure
    .input(registrationIdInput)
    .mutation(({ ctx, input }) => reissueTicket({ db: ctx.db, actor: ctx.user, registrationId: input.registrationId })),
  reissueByEmail: fullOrganiserProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => reissueTicketByEmail({ db: ctx.db, actor: ctx.user, email: input.email })),
});
