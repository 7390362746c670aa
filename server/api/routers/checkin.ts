import { setNoShowRelease } from "~/server/checkin/no-show";
import { checkinProcedure, createTRPCRouter, fullOrganiserProcedure } from "~/server/api/trpc";
import {
  changesInput,
  doorInput,
  findInput,
  noShowInput,
  recentInput,
  scanInput,
  staffInput,
  undoInput,
} from "~/server/checkin/schema";
import {
  doorChanges,
  doorManifest,
  findPeople,
  listCheckinStaff,
  listDoors,
  liveCounts,
  recentScans,
  scanBatch,
  setCheckinStaff,
  undoScan,
} from "~/server/checkin/service";

export const checkinRouter = createTRPCRouter({
  doors: checkinProcedure.query(({ ctx }) => listDoors({ db: ctx.db })),
  manifest: checkinProcedure.input(doorInput).query(({ ctx, input }) => doorManifest({ db: ctx.db, door: input.door })),
  changes: checkinProcedure
    .input(changesInput)
    .query(({ ctx, input }) => doorChanges({ db: ctx.db, door: input.door, since: input.since })),
  scan: checkinProcedure
    .input(scanInput)
    .mutation(({ ctx, input }) => scanBatch({ db: ctx.db, staff: ctx.user, input })),
  find: checkinProcedure
    .input(findInput)
    .query(({ ctx, input }) => findPeople({ db: ctx.db, door: input.door, q: input.q })),
  counts: fullOrganiserProcedure.query(({ ctx }) => liveCounts({ db: ctx.db })),
  recent: fullOrganiserProcedure
    .input(recentInput)
    .query(({ ctx, input }) => recentScans({ db: ctx.db, door: input.door, page: input.page })),
  undo: fullOrganiserProcedure
    .input(undoInput)
    .mutation(({ ctx, input }) => undoScan({ db: ctx.db, actor: ctx.user, checkInId: input.checkInId })),
  staff: fullOrganiserProcedure.query(({ ctx }) => listCheckinStaff({ db: ctx.db })),
  setStaff: fullOrganiserProcedure
    .input(staffInput)
    .mutation(({ ctx, input }) =>
      setCheckinStaff({ db: ctx.db, actor: ctx.user, email: input.email, staff: input.staff }),
    ),
  setNoShowRelease: fullOrganiserProcedure
    .input(noShowInput)
    .mutation(({ ctx, input }) =>
      setNoShowRelease({ db: ctx.db, actor: ctx.user, sessionId: input.sessionId, minutes: input.minutes }),
    ),
});
