import { accountRouter } from "~/server/api/routers/account";
import { adminRouter, organiserRouter } from "~/server/api/routers/admin";
import { bookingRouter } from "~/server/api/routers/booking";
import { certificateRouter } from "~/server/api/routers/certificate";
import { checkinRouter } from "~/server/api/routers/checkin";
import { dashboardRouter } from "~/server/api/routers/dashboard";
import { devMailRouter } from "~/server/api/routers/dev-mail";
import { feedbackRouter } from "~/server/api/routers/feedback";
import { organiserProgrammeRouter } from "~/server/api/routers/organiser-programme";
import { meetingRouter } from "~/server/api/routers/meeting";
import { programmeRouter } from "~/server/api/routers/programme";
import { questionsRouter } from "~/server/api/routers/questions";
import { ticketRouter } from "~/server/api/routers/ticket";
import { createCallerFactory, createTRPCRouter } from "~/server/api/trpc";

export const appRouter = createTRPCRouter({
  programme: programmeRouter,
  devMail: devMailRouter,
  account: accountRouter,
  organiser: organiserRouter,
  admin: adminRouter,
  booking: bookingRouter,
  programmeAdmin: organiserProgrammeRouter,
  meeting: meetingRouter,
  ticket: ticketRouter,
  checkin: checkinRouter,
  certificate: certificateRouter,
  feedback: feedbackRouter,
  dashboard: dashboardRouter,
  questions: questionsRouter,
});

export type AppRouter = typeof appRouter;

/** A server-side caller: `createCaller(createContextInner({ db }))`. */
export const createCaller = createCallerFactory(appRouter);
