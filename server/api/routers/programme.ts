import { createTRPCRouter, publicProcedure } from "~/server/api/trpc";
import { idInput, programmeListInput, programmePageInput, speakerListInput } from "~/server/programme/schema";
import {
  countProgrammeByDay,
  getCurrentEdition,
  getSession,
  getSpeaker,
  listProgramme,
  listProgrammePage,
  listSpeakers,
} from "~/server/programme/service";

export const programmeRouter = createTRPCRouter({
  edition: publicProcedure.query(({ ctx }) => getCurrentEdition({ db: ctx.db })),
  list: publicProcedure
    .input(programmeListInput)
    .query(({ ctx, input }) => listProgramme({ db: ctx.db, input, actor: ctx.user })),
  page: publicProcedure
    .input(programmePageInput)
    .query(({ ctx, input }) => listProgrammePage({ db: ctx.db, input, actor: ctx.user })),
  dayCounts: publicProcedure
    .input(programmeListInput)
    .query(({ ctx, input }) => countProgrammeByDay({ db: ctx.db, input })),
  session: publicProcedure.input(idInput).query(({ ctx, input }) => getSession({ db: ctx.db, input, actor: ctx.user })),
  speakers: publicProcedure.input(speakerListInput).query(({ ctx, input }) => listSpeakers({ db: ctx.db, input })),
  speaker: publicProcedure.input(idInput).query(({ ctx, input }) => getSpeaker({ db: ctx.db, input, actor: ctx.user })),
});
