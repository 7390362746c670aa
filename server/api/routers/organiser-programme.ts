import { removeSpeakerPhoto, setSpeakerPhoto } from "~/server/organiser/photo-service";
import { adminProcedure, createTRPCRouter, organiserProcedure, publicProcedure } from "~/server/api/trpc";
import {
  createRoom,
  createSpeaker,
  createSpeakerInline,
  createTrack,
  deleteRoom,
  deleteSpeaker,
  deleteTrack,
  listRooms,
  listSpeakersAdmin,
  listTracks,
  speakerOptions,
  updateRoom,
  updateSpeaker,
  updateTrack,
} from "~/server/organiser/catalogue-service";
import { applyImport, exportProgramme, previewImport, templateExample } from "~/server/organiser/io/service";
import { getRegistrationList, getRosters } from "~/server/organiser/rosters";
import { listAudit, listChanges, listTrackEditors, setTrackEditor } from "~/server/organiser/log-service";
import {
  getAttendees,
  getSessionForEdit,
  getTimetable,
  getWorkspace,
  listSessionsAdmin,
} from "~/server/organiser/queries";
import {
  attendeesInput,
  rostersInput,
  auditListInput,
  cancelSessionInput,
  changeLogInput,
  checkSessionInput,
  createRoomInput,
  createSessionInput,
  createSpeakerInlineInput,
  createSpeakerInput,
  createTrackInput,
  idInput,
  importInput,
  moveSessionInput,
  sessionListInput,
  setTrackEditorInput,
  speakerListInput,
  timetableInput,
  updateRoomInput,
  speakerPhotoInput,
  updateSessionInput,
  updateSpeakerInput,
  updateTrackInput,
} from "~/server/organiser/schema";
import {
  cancelSession,
  checkMove,
  checkSessionDraft,
  createSession,
  deleteSession,
  moveSession,
  publishSession,
  updateSession,
} from "~/server/organiser/session-service";

/** The organiser console's programme editor, the admins' audit log and track editors, the public change log. */
export const organiserProgrammeRouter = createTRPCRouter({
  workspace: organiserProcedure.query(({ ctx }) => getWorkspace({ db: ctx.db, actor: ctx.user })),
  timetable: organiserProcedure
    .input(timetableInput)
    .query(({ ctx, input }) => getTimetable({ db: ctx.db, actor: ctx.user, input })),
  sessions: organiserProcedure
    .input(sessionListInput)
    .query(({ ctx, input }) => listSessionsAdmin({ db: ctx.db, actor: ctx.user, input })),
  session: organiserProcedure
    .input(idInput)
    .query(({ ctx, input }) => getSessionForEdit({ db: ctx.db, actor: ctx.user, input })),
  checkSession: organiserProcedure
    .input(checkSessionInput)
    .query(({ ctx, input }) => checkSessionDraft({ db: ctx.db, actor: ctx.user, input })),
  checkMove: organiserProcedure
    .input(moveSessionInput)
    .query(({ ctx, input }) => checkMove({ db: ctx.db, actor: ctx.user, input })),
  createSession: organiserProcedure
    .input(createSessionInput)
    .mutation(({ ctx, input }) => createSession({ db: ctx.db, actor: ctx.user, input })),
  updateSession: organiserProcedure
    .input(updateSessionInput)
    .mutation(({ ctx, input }) => updateSession({ db: ctx.db, actor: ctx.user, input })),
  moveSession: organiserProcedure
    .input(moveSessionInput)
    .mutation(({ ctx, input }) => moveSession({ db: ctx.db, actor: ctx.user, input })),
  publishSession: organiserProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => publishSession({ db: ctx.db, actor: ctx.user, input })),
  cancelSession: organiserProcedure
    .input(cancelSessionInput)
    .mutation(({ ctx, input }) => cancelSession({ db: ctx.db, actor: ctx.user, input })),
  deleteSession: organiserProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => deleteSession({ db: ctx.db, actor: ctx.user, input })),

  tracks: organiserProcedure.query(({ ctx }) => listTracks({ db: ctx.db })),
  createTrack: organiserProcedure
    .input(createTrackInput)
    .mutation(({ ctx, input }) => createTrack({ db: ctx.db, actor: ctx.user, input })),
  updateTrack: organiserProcedure
    .input(updateTrackInput)
    .mutation(({ ctx, input }) => updateTrack({ db: ctx.db, actor: ctx.user, input })),
  deleteTrack: organiserProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => deleteTrack({ db: ctx.db, actor: ctx.user, input })),
  rooms: organiserProcedure.query(({ ctx }) => listRooms({ db: ctx.db })),
  createRoom: organiserProcedure
    .input(createRoomInput)
    .mutation(({ ctx, input }) => createRoom({ db: ctx.db, actor: ctx.user, input })),
  updateRoom: organiserProcedure
    .input(updateRoomInput)
    .mutation(({ ctx, input }) => updateRoom({ db: ctx.db, actor: ctx.user, input })),
  deleteRoom: organiserProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => deleteRoom({ db: ctx.db, actor: ctx.user, input })),
  speakers: organiserProcedure
    .input(speakerListInput)
    .query(({ ctx, input }) => listSpeakersAdmin({ db: ctx.db, input })),
  speakerOptions: organiserProcedure.query(({ ctx }) => speakerOptions({ db: ctx.db })),
  createSpeakerInline: organiserProcedure
    .input(createSpeakerInlineInput)
    .mutation(({ ctx, input }) => createSpeakerInline({ db: ctx.db, actor: ctx.user, input })),
  createSpeaker: organiserProcedure
    .input(createSpeakerInput)
    .mutation(({ ctx, input }) => createSpeaker({ db: ctx.db, actor: ctx.user, input })),
  updateSpeaker: organiserProcedure
    .input(updateSpeakerInput)
    .mutation(({ ctx, input }) => updateSpeaker({ db: ctx.db, actor: ctx.user, input })),
  deleteSpeaker: organiserProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => deleteSpeaker({ db: ctx.db, actor: ctx.user, input })),
  setSpeakerPhoto: organiserProcedure
    .input(speakerPhotoInput)
    .mutation(({ ctx, input }) => setSpeakerPhoto({ db: ctx.db, actor: ctx.user, input })),
  removeSpeakerPhoto: organiserProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => removeSpeakerPhoto({ db: ctx.db, actor: ctx.user, input })),

  importPreview: organiserProcedure
    .input(importInput)
    .mutation(({ ctx, input }) => previewImport({ db: ctx.db, actor: ctx.user, input })),
  importApply: organiserProcedure
    .input(importInput)
    .mutation(({ ctx, input }) => applyImport({ db: ctx.db, actor: ctx.user, input })),
  importTemplate: organiserProcedure.query(({ ctx }) => templateExample({ db: ctx.db })),
  exportProgramme: organiserProcedure.query(({ ctx }) => exportProgramme({ db: ctx.db })),
  attendees: organiserProcedure
    .input(attendeesInput)
    .query(({ ctx, input }) => getAttendees({ db: ctx.db, actor: ctx.user, input })),

  rosters: organiserProcedure
    .input(rostersInput)
    .query(({ ctx, input }) => getRosters({ db: ctx.db, actor: ctx.user, input })),
  registrationList: organiserProcedure.query(({ ctx }) => getRegistrationList({ db: ctx.db, actor: ctx.user })),

  audit: adminProcedure.input(auditListInput).query(({ ctx, input }) => listAudit({ db: ctx.db, input })),
  trackEditors: adminProcedure.query(({ ctx }) => listTrackEditors({ db: ctx.db })),
  setTrackEditor: adminProcedure
    .input(setTrackEditorInput)
    .mutation(({ ctx, input }) => setTrackEditor({ db: ctx.db, actor: ctx.user, input })),

  changeLog: publicProcedure.input(changeLogInput).query(({ ctx, input }) => listChanges({ db: ctx.db, input })),
});
