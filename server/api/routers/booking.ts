import {
  claimedParticipantProcedure,
  createTRPCRouter,
  participantProcedure,
  publicProcedure,
} from "~/server/api/trpc";
import {
  getCalendarFeed,
  revokeCalendarFeed,
  rotateCalendarFeed,
  setCalendarStars,
} from "~/server/booking/calendar/feed";
import { getAlternatives, getBookingStatus, getMySchedule } from "~/server/booking/queries";
import { getClash, resolveClash } from "~/server/booking/clash";
import {
  bookInput,
  calendarStarsInput,
  clashInput,
  resolveClashInput,
  sessionInput,
  starInput,
  statusInput,
} from "~/server/booking/schema";
import { metrics } from "~/server/ops/metrics.mjs";
import { bookSession, cancelBooking, leaveWaitlist, setStar } from "~/server/booking/service";

export const bookingRouter = createTRPCRouter({
  status: publicProcedure
    .input(statusInput)
    .query(({ ctx, input }) => getBookingStatus({ db: ctx.db, actor: ctx.user, input })),
  alternatives: publicProcedure
    .input(sessionInput)
    .query(({ ctx, input }) => getAlternatives({ db: ctx.db, actor: ctx.user, input })),
  book: claimedParticipantProcedure.input(bookInput).mutation(async ({ ctx, input }) => {
    const result = await bookSession({ db: ctx.db, actor: ctx.actor, input });
    metrics.bookings.inc({ outcome: result.outcome });
    return result;
  }),
  cancel: participantProcedure.input(sessionInput).mutation(async ({ ctx, input }) => {
    const result = await cancelBooking({ db: ctx.db, actor: ctx.user, input });
    metrics.cancellations.inc();
    metrics.promotions.inc(result.promoted);
    return result;
  }),
  clash: participantProcedure
    .input(clashInput)
    .query(({ ctx, input }) => getClash({ db: ctx.db, actor: ctx.user, input })),
  resolveClash: participantProcedure.input(resolveClashInput).mutation(async ({ ctx, input }) => {
    const result = await resolveClash({ db: ctx.db, actor: ctx.user, input });
    metrics.cancellations.inc();
    metrics.promotions.inc(result.promoted);
    return result;
  }),
  leaveWaitlist: participantProcedure
    .input(sessionInput)
    .mutation(({ ctx, input }) => leaveWaitlist({ db: ctx.db, actor: ctx.user, input })),
  star: participantProcedure
    .input(starInput)
    .mutation(({ ctx, input }) => setStar({ db: ctx.db, actor: ctx.user, input })),
  mySchedule: participantProcedure.query(({ ctx }) => getMySchedule({ db: ctx.db, userId: ctx.user.id })),
  calendarFeed: participantProcedure.query(({ ctx }) => getCalendarFeed({ db: ctx.db, actor: ctx.user })),
  rotateCalendarFeed: participantProcedure.mutation(({ ctx }) => rotateCalendarFeed({ db: ctx.db, actor: ctx.user })),
  revokeCalendarFeed: participantProcedure.mutation(({ ctx }) => revokeCalendarFeed({ db: ctx.db, actor: ctx.user })),
  setCalendarStars: participantProcedure
    .input(calendarStarsInput)
    .mutation(({ ctx, input }) => setCalendarStars({ db: ctx.db, actor: ctx.user, input })),
});
