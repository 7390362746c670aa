/**
 * Track editors stay in their tracks (issue 9 §5): a person who appears only in another track's
 * sessions, and that track's attendee lists (names, emails, phones), are out of their reach; the
 * attendee export calls the same procedure. Their own track works as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/server/auth/roles";
import { callerFor, expectTrpcError } from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createSession,
  createSpeaker,
  createTrack,
} from "~/server/test/factories";

let testDb: TestDb;
let api: ReturnType<typeof callerFor>;
let editor: SessionUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  api = callerFor(testDb.db);
  const db = testDb.db;
  const edition = await createEdition(db);
  const [mine, theirs] = await Promise.all([createTrack(db, edition.id), createTrack(db, edition.id)]);
  editor = await createOrganiser(db, { trackIds: [mine.id] });
  const [ownSpeaker, otherSpeaker, shared] = await Promise.all([
    createSpeaker(db, edition.id, { fullName: "Своя Спикерова" }),
    createSpeaker(db, edition.id, { fullName: "Чужая Спикерова" }),
    createSpeaker(db, edition.id, { fullName: "Общая Спикерова" }),
  ]);
  const own = await createSession(db, {
    editionId: edition.id,
    trackId: mine.id,
    people: [
      { ...ownSpeaker, role: "SPEAKER" },
      { ...shared, role: "SPEAKER" },
    ],
  });
  const other = await createSession(db, {
    editionId: edition.id,
    trackId: theirs.id,
    day: "2025-08-27",
    people: [
      { ...otherSpeaker, role: "SPEAKER" },
      { ...shared, role: "MODERATOR" },
    ],
  });
  const attendee = await createParticipant(db, edition.id, { surname: "Посетителева" });
  await createBooking(db, other.id, attendee.id);
  await createBooking(db, own.id, attendee.id);
  Object.assign(ids, {
    own: own.id,
    other: other.id,
    ownSpeaker: ownSpeaker.id,
    otherSpeaker: otherSpeaker.id,
    shared: shared.id,
  });
});

afterAll(async () => {
  await testDb?.close();
});

const bio = (id: string) =>
  testDb.db.speaker.findUniqueOrThrow({ where: { id }, select: { bio: true } }).then((s) => s.bio);
const fields = (fullName: string) => ({ fullName, position: "", organisation: "Колледж", bio: "" });

describe("a track editor", () => {
  it("cannot edit or delete a person who appears in another track", async () => {
    for (const id of [ids.otherSpeaker!, ids.shared!]) {
      await testDb.db.speaker.update({ where: { id }, data: { bio: "Биография, которую нельзя стирать." } });
      await expectTrpcError(
        api(editor).programmeAdmin.updateSpeaker({ id, data: fields("Подмена") }),
        "FORBIDDEN",
        /других треках/,
      );
      await expectTrpcError(api(editor).programmeAdmin.deleteSpeaker({ id }), "FORBIDDEN");
      expect(await bio(id)).toBe("Биография, которую нельзя стирать.");
    }
  });

  it("edits a person of their own track", async () => {
    await api(editor).programmeAdmin.updateSpeaker({
      id: ids.ownSpeaker!,
      data: { ...fields("Своя Спикерова"), bio: "Новая биография." },
    });
    expect(await bio(ids.ownSpeaker!)).toBe("Новая биография.");
  });

  it("reads attendee lists of their own track only (the CSV/XLSX export calls the same procedure)", async () => {
    await expectTrpcError(api(editor).programmeAdmin.attendees({ sessionId: ids.other! }), "FORBIDDEN");
    const own = await api(editor).programmeAdmin.attendees({ sessionId: ids.own! });
    expect(own.people.map((p) => p.fullName)).toEqual([expect.stringContaining("Посетителева")]);
  });

  it("has no access to the August meeting's delegations", async () => {
    await expectTrpcError(api(editor).meeting.applications({}), "FORBIDDEN");
    await expectTrpcError(api(editor).meeting.rollCall(), "FORBIDDEN");
  });
});
