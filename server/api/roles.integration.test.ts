/**
 * The procedure × role table: every procedure of the API is listed here with the least
 * role that may call it, and each is called as a guest, a participant, an organiser and
 * an admin. A new procedure fails this test until it is added to the table.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createTrack, uid } from "~/server/test/factories";

/** fullOrganiser: an organiser without a track limit (a track editor gets FORBIDDEN). */
type Need = "public" | "participant" | "checkin" | "organiser" | "fullOrganiser" | "admin";

const table: Record<string, Need> = {
  "programme.edition": "public",
  "programme.list": "public",
  "programme.page": "public",
  "programme.dayCounts": "public",
  "programme.session": "public",
  "programme.speakers": "public",
  "programme.speaker": "public",
  "account.registrationForm": "public",
  "account.register": "public",
  "account.confirm": "public",
  "account.requestSignInLink": "public",
  "account.requestPasswordReset": "public",
  "account.resetPassword": "public",
  "account.confirmEmailChange": "public",
  "account.me": "participant",
  "account.updateProfile": "participant",
  "account.setPreferences": "participant",
  "account.requestEmailChange": "participant",
  "account.changePassword": "participant",
  "account.exportData": "participant",
  "account.cancelRegistration": "participant",
  "account.registerAgainState": "participant",
  "account.registerAgain": "participant",
  "account.deleteAccount": "participant",
  "booking.status": "public",
  "booking.alternatives": "public",
  "booking.book": "participant",
  "booking.cancel": "participant",
  "booking.leaveWaitlist": "participant",
  "booking.clash": "participant",
  "booking.resolveClash": "participant",
  "booking.star": "participant",
  "booking.mySchedule": "participant",
  "booking.calendarFeed": "participant",
  "booking.rotateCalendarFeed": "participant",
  "booking.revokeCalendarFeed": "participant",
  "booking.setCalendarStars": "participant",
  // The mail viewer answers NOT_FOUND unless enabled: never personal data to strangers in production.
  "devMail.list": "public",
  "devMail.message": "public",
  "meeting.view": "public",
  "meeting.forSession": "public",
  "meeting.submit": "participant",
  "meeting.withdraw": "participant",
  "meeting.proposeSubstitute": "participant",
  "meeting.cancelSubstitute": "participant",
  "meeting.settings": "fullOrganiser",
  "meeting.updateSettings": "fullOrganiser",
  "meeting.setMaterials": "fullOrganiser",
  "meeting.setQuota": "fullOrganiser",
  "meeting.applications": "fullOrganiser",
  "meeting.accredit": "fullOrganiser",
  "meeting.decline": "fullOrganiser",
  "meeting.approveSubstitute": "fullOrganiser",
  "meeting.rejectSubstitute": "fullOrganiser",
  "meeting.rollCall": "fullOrganiser",
  "meeting.questions": "fullOrganiser",
  "programmeAdmin.changeLog": "public",
  "programmeAdmin.workspace": "organiser",
  "programmeAdmin.timetable": "organiser",
  "programmeAdmin.sessions": "organiser",
  "programmeAdmin.session": "organiser",
  "programmeAdmin.checkSession": "organiser",
  "programmeAdmin.checkMove": "organiser",
  "programmeAdmin.createSession": "organiser",
  "programmeAdmin.updateSession": "organiser",
  "programmeAdmin.moveSession": "organiser",
  "programmeAdmin.publishSession": "organiser",
  "programmeAdmin.cancelSession": "organiser",
  "programmeAdmin.deleteSession": "organiser",
  "programmeAdmin.tracks": "organiser",
  "programmeAdmin.createTrack": "organiser",
  "programmeAdmin.updateTrack": "organiser",
  "programmeAdmin.deleteTrack": "organiser",
  "programmeAdmin.rooms": "organiser",
  "programmeAdmin.createRoom": "organiser",
  "programmeAdmin.updateRoom": "organiser",
  "programmeAdmin.deleteRoom": "organiser",
  "programmeAdmin.speakers": "organiser",
  "programmeAdmin.speakerOptions": "organiser",
  "programmeAdmin.createSpeaker": "organiser",
  "programmeAdmin.createSpeakerInline": "organiser",
  "programmeAdmin.updateSpeaker": "organiser",
  "programmeAdmin.deleteSpeaker": "organiser",
  "programmeAdmin.setSpeakerPhoto": "organiser",
  "programmeAdmin.removeSpeakerPhoto": "organiser",
  "programmeAdmin.importPreview": "organiser",
  "programmeAdmin.importApply": "organiser",
  "programmeAdmin.importTemplate": "organiser",
  "programmeAdmin.exportProgramme": "organiser",
  "programmeAdmin.attendees": "organiser",
  "programmeAdmin.rosters": "organiser",
  "programmeAdmin.registrationList": "fullOrganiser",
  "programmeAdmin.audit": "admin",
  "programmeAdmin.trackEditors": "admin",
  "programmeAdmin.setTrackEditor": "admin",
  "organiser.overview": "organiser",
  "admin.users": "admin",
  "admin.setRole": "admin",
  "ticket.mine": "participant",
  "ticket.history": "fullOrganiser",
  "ticket.reissue": "fullOrganiser",
  "ticket.reissueByEmail": "fullOrganiser",
  "checkin.doors": "checkin",
  "checkin.manifest": "checkin",
  "checkin.changes": "checkin",
  "checkin.scan": "checkin",
  "checkin.find": "checkin",
  "checkin.counts": "fullOrganiser",
  "checkin.recent": "fullOrganiser",
  "checkin.undo": "fullOrganiser",
  "checkin.staff": "fullOrganiser",
  "checkin.setStaff": "fullOrganiser",
  "checkin.setNoShowRelease": "fullOrganiser",
  "certificate.mine": "participant",
  "certificate.verify": "public",
  "feedback.mine": "participant",
  "feedback.give": "participant",
  "feedback.results": "fullOrganiser",
  "feedback.report": "fullOrganiser",
  "dashboard.live": "fullOrganiser",
  "questions.form": "public",
  "questions.editor": "fullOrganiser",
  "questions.create": "fullOrganiser",
  "questions.update": "fullOrganiser",
  "questions.remove": "fullOrganiser",
  "questions.restore": "fullOrganiser",
  "questions.move": "fullOrganiser",
  "questions.registrations": "fullOrganiser",
  "questions.mine": "participant",
  "questions.saveMine": "participant",
};

const roles = ["guest", "participant", "checkinStaff", "trackEditor", "organiser", "admin"] as const;
const rank = {
  guest: 0,
  public: 0,
  participant: 1,
  checkin: 2,
  trackEditor: 2,
  organiser: 2,
  fullOrganiser: 3,
  admin: 4,
} as const;
/** What each role reaches: a track editor is an organiser limited to one track. */
const level = { guest: 0, participant: 1, checkinStaff: 1, trackEditor: 2, organiser: 3, admin: 4 } as const;

/** Check-in staff are participants who also work the doors (and nothing else). */
function reaches(role: (typeof roles)[number], need: Need): boolean {
  if (role === "checkinStaff" && need === "checkin") return true;
  if (role === "trackEditor" && need === "fullOrganiser") return false;
  return level[role] >= rank[need];
}

let testDb: TestDb;
const users: Partial<Record<(typeof roles)[number], SessionUser>> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  await createEdition(testDb.db);
  users.checkinStaff = await testDb.db.user.create({
    data: { email: `checkin-${uid()}@example.ru`, role: "CHECKIN" },
    select: { id: true, email: true, role: true },
  });
  for (const role of ["PARTICIPANT", "ORGANISER", "ADMIN"] as const) {
    const user = await testDb.db.user.create({
      data: { email: `${role.toLowerCase()}-${uid()}@example.ru`, role },
      select: { id: true, email: true, role: true },
    });
    users[role.toLowerCase() as "participant" | "organiser" | "admin"] = user;
  }
  const edition = await testDb.db.edition.findFirstOrThrow({ select: { id: true } });
  const track = await createTrack(testDb.db, edition.id);
  users.trackEditor = await testDb.db.user.create({
    data: {
      email: `track-editor-${uid()}@example.ru`,
      role: "ORGANISER",
      trackScopes: { create: { trackId: track.id } },
    },
    select: { id: true, email: true, role: true },
  });
});

afterAll(async () => {
  await testDb?.close();
});

async function call(role: (typeof roles)[number], path: string): Promise<unknown> {
  const caller = createCaller(
    createContextInner({ db: testDb.db, user: users[role as "participant"] ?? null, ip: "127.0.0.1" }),
  );
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
  // An empty object: enough to pass the role check; the input check may refuse it after.
  return fn({}).then(
    () => null,
    (error: unknown) => error,
  );
}

describe("procedure × role", () => {
  it("lists every procedure of the API", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(table).sort());
  });

  for (const [path, need] of Object.entries(table)) {
    it(`${path} needs ${need}`, async () => {
      for (const role of roles) {
        const error = await call(role, path);
        const code = error instanceof TRPCError ? error.code : null;
        if (reaches(role, need)) {
          expect(code, `${role} calling ${path}`).not.toBe("UNAUTHORIZED");
          expect(code, `${role} calling ${path}`).not.toBe("FORBIDDEN");
        } else {
          expect(code, `${role} calling ${path}`).toBe(role === "guest" ? "UNAUTHORIZED" : "FORBIDDEN");
        }
      }
    });
  }
});
