import { createTRPCRouter, fullOrganiserProcedure, participantProcedure, publicProcedure } from "~/server/api/trpc";
import { accredit, decline, setMaterials, setQuota, updateSettings } from "~/server/meeting/organiser";
import { getQuestions, getRollCall, getSettings, listApplications } from "~/server/meeting/reports";
import {
  applicationIdInput,
  applicationsInput,
  applyInput,
  declineInput,
  materialsInput,
  proposeSubstituteInput,
  quotaInput,
  rejectSubstituteInput,
  sessionIdInput,
  settingsInput,
} from "~/server/meeting/schema";
import { apply, getMeetingView, getMeetingViewForSession, withdraw } from "~/server/meeting/service";
import {
  approveSubstitute,
  cancelSubstitute,
  proposeSubstitute,
  rejectSubstitute,
} from "~/server/meeting/substitution";

/** The August meeting: the public view, participants' applications, the organisers' console. */
export const meetingRouter = createTRPCRouter({
  view: publicProcedure.query(({ ctx }) => getMeetingView({ db: ctx.db, actor: ctx.user })),
  forSession: publicProcedure
    .input(sessionIdInput)
    .query(({ ctx, input }) => getMeetingViewForSession({ db: ctx.db, actor: ctx.user, input })),

  submit: participantProcedure
    .input(applyInput)
    .mutation(({ ctx, input }) => apply({ db: ctx.db, actor: ctx.user, input })),
  withdraw: participantProcedure.mutation(({ ctx }) => withdraw({ db: ctx.db, actor: ctx.user })),
  proposeSubstitute: participantProcedure
    .input(proposeSubstituteInput)
    .mutation(({ ctx, input }) => proposeSubstitute({ db: ctx.db, actor: ctx.user, input })),
  cancelSubstitute: participantProcedure
    .input(applicationIdInput)
    .mutation(({ ctx, input }) => cancelSubstitute({ db: ctx.db, actor: ctx.user, input })),

  settings: fullOrganiserProcedure.query(({ ctx }) => getSettings({ db: ctx.db })),
  updateSettings: fullOrganiserProcedure
    .input(settingsInput)
    .mutation(({ ctx, input }) => updateSettings({ db: ctx.db, actor: ctx.user, input })),
  setMaterials: fullOrganiserProcedure
    .input(materialsInput)
    .mutation(({ ctx, input }) => setMaterials({ db: ctx.db, actor: ctx.user, input })),
  setQuota: fullOrganiserProcedure
    .input(quotaInput)
    .mutation(({ ctx, input }) => setQuota({ db: ctx.db, actor: ctx.user, input })),
  applications: fullOrganiserProcedure
    .input(applicationsInput)
    .query(({ ctx, input }) => listApplications({ db: ctx.db, input })),
  accredit: fullOrganiserProcedure
    .input(applicationIdInput)
    .mutation(({ ctx, input }) => accredit({ db: ctx.db, actor: ctx.user, input })),
  decline: fullOrganiserProcedure
    .input(declineInput)
    .mutation(({ ctx, input }) => decline({ db: ctx.db, actor: ctx.user, input })),
  approveSubstitute: fullOrganiserProcedure
    .input(applicationIdInput)
    .mutation(({ ctx, input }) => approveSubstitute({ db: ctx.db, actor: ctx.user, input })),
  rejectSubstitute: fullOrganiserProcedure
    .input(rejectSubstituteInput)
    .mutation(({ ctx, input }) => rejectSubstitute({ db: ctx.db, actor: ctx.user, input })),
  rollCall: fullOrganiserProcedure.query(({ ctx }) => getRollCall({ db: ctx.db })),
  questions: fullOrganiserProcedure.query(({ ctx }) => getQuestions({ db: ctx.db })),
});
