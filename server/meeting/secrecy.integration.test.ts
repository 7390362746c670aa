/**
 * The secrecy guard of the closed August meeting: its hours and its room reach accredited
 * delegates and organisers, and nobody else, through any surface, after any kind of change.
 *
 * The meeting gets distinctive hours (07:13–09:47 Moscow, then moved and re-timed) and distinctive
 * rooms; after each change every surface below is read as a guest, as a participant, as a
 * declined applicant and as a head whose application is pending, and the test fails when any
 * rendering of the real times (Moscow "07:13", UTC ISO "T04:13", iCalendar "T071300"/"T041300",
 * epoch milliseconds) or a room name appears. Surfaces:
 * - every query procedure of the API, enumerated from the router: one without a known input fails
 *   the test until its input is added below (so a new procedure falls under the guard at once);
 *   their error messages count as output too;
 * - the participant mutations that take a session (book, star, cancel, leave the waitlist) on the
 *   meeting, outputs and errors; every other mutation is listed as carrying no programme data, and
 *   an unlisted one fails the test;
 * - the public change log (programmeAdmin.changeLog is one of the queries);
 * - the public calendar (whole and per track), the personal calendar download and the feed;
 * - mail in the outbox addressed to anyone but the delegate and the organisers.
 * Pages and their RSC payloads render from these same procedures (app/_trpc/server.ts), and the
 * calendar route handlers return these same builders' output.
 * The other side is checked too: the delegate and organisers see the real hours and room on the
 * programme, the session page and in the personal calendar.
 */
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { renderPendingMail } from "~/server/booking/notify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { SessionUser } from "~/server/auth/roles";
import { calendarByToken, personalCalendar, programmeCalendar, sessionCalendar } from "~/server/booking/calendar/feed";
import { application, callerFor } from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createEdition,
  createParticipant,
  createRegion,
  createRegionalOfficial,
  createRoom,
  createSession,
  createSpeaker,
  createTrack,
} from "~/server/test/factories";
import { formatZonedTime, zonedDayKey } from "~/server/programme/time";

const DAY = "2025-08-26";
const ROOMS = ["Зал-Секрет-7Q", "Зал-Секрет-8W"];
const TZ = "Europe/Moscow";

let testDb: TestDb;
let api: ReturnType<typeof callerFor>;
let meetingId: string;
let speakerId: string;
let trackCode: string;
const ids: Record<string, string> = {};
const people: Record<"participant" | "declined" | "pending" | "delegate" | "organiser", SessionUser> = {} as never;
const markers = new Set<string>(ROOMS);

/**
 * Every way the real times can be written. The ISO and iCalendar forms carry their date, so that
 * a timestamp of today's wall clock (a createdAt at 06:58 UTC, a DTSTAMP of 065800Z) is not taken
 * for a meeting that ends at 06:58 UTC.
 */
function addTimeMarkers(d: Date) {
  const local = formatZonedTime(d, TZ);
  const localDay = zonedDayKey(d, TZ).replaceAll("-", "");
  const iso = d.toISOString();
  const utcDay = iso.slice(0, 10);
  const utc = iso.slice(11, 16);
  markers.add(local);
  markers.add(`${utcDay}T${utc}`);
  markers.add(`${localDay}T${local.replace(":", "")}00`);
  markers.add(`${utcDay.replaceAll("-", "")}T${utc.replace(":", "")}00`);
  markers.add(String(d.getTime()));
}

async function refreshMarkers() {
  const s = await testDb.db.programmeSession.findUniqueOrThrow({
    where: { id: meetingId },
    select: { startsAt: true, endsAt: true },
  });
  addTimeMarkers(s.startsAt);
  addTimeMarkers(s.endsAt);
}

const meetingFields = (over: { start: string; end: string; roomId: string; title?: string }) => ({
  title: over.title ?? "Всероссийское августовское совещание (проверка)",
  description: "Повестка совещания.",
  trackId: null,
  format: "MEETING" as const,
  day: DAY,
  start: over.start,
  end: over.end,
  roomId: over.roomId,
  capacity: null,
  isClosed: true,
  bookingRequired: false,
  moderatorIds: [],
  speakerIds: [speakerId],
});

/** Inputs for each query a non-organiser may call; `null`: takes no input. */
const queryInputs = (): Record<string, unknown[] | null> => ({
  "programme.edition": null,
  "programme.list": [{ day: DAY }, {}, { q: "совещание" }, { day: DAY, track: trackCode }],
  "programme.page": [{ day: DAY }, {}, { q: "совещание" }, { day: DAY, track: trackCode, page: "1" }],
  "programme.dayCounts": [{}, { q: "совещание" }],
  "programme.session": [{ id: meetingId }, { id: ids.neighbour }],
  "programme.speakers": [{}],
  "programme.speaker": [{ id: speakerId }],
  "account.registrationForm": null,
  "account.me": null,
  "account.exportData": null,
  "account.registerAgainState": null,
  "booking.status": [{ sessionIds: [meetingId, ids.early!, ids.neighbour!] }],
  "booking.alternatives": [{ sessionId: meetingId }, { sessionId: ids.neighbour }, { sessionId: ids.early }],
  "booking.mySchedule": null,
  "booking.clash": [
    { a: meetingId, b: ids.neighbour },
    { a: ids.neighbour, b: meetingId },
    { a: ids.early, b: ids.neighbour },
  ],
  "booking.calendarFeed": null,
  "devMail.list": [{}],
  "devMail.message": [{ id: "none" }],
  "meeting.view": null,
  "meeting.forSession": [{ sessionId: meetingId }],
  "programmeAdmin.changeLog": [{ page: 1 }],
  "ticket.mine": null,
  "certificate.mine": null,
  "certificate.verify": [{ code: "ABCDEFGHJKMN" }],
  "feedback.mine": null,
  "questions.form": null,
  "questions.mine": null,
});

/** Participant mutations that take a session: called on the meeting, their answers are surfaces. */
const sessionMutations = (): Record<string, unknown> => ({
  "booking.book": { sessionId: meetingId, waitlistIfFull: true },
  "booking.star": { sessionId: meetingId, starred: true },
  "booking.cancel": { sessionId: meetingId },
  "booking.leaveWaitlist": { sessionId: meetingId },
  "booking.resolveClash": { keepSessionId: meetingId, cancelSessionId: ids.neighbour },
  "feedback.give": { sessionId: meetingId, rating: 5, comment: "" },
});

/** Mutations that return no programme data (accounts, applications, calendar secrets). */
const quietMutations = new Set([
  "account.register",
  "account.confirm",
  "account.requestSignInLink",
  "account.requestPasswordReset",
  "account.resetPassword",
  "account.confirmEmailChange",
  "account.updateProfile",
  "account.setPreferences",
  "account.requestEmailChange",
  "account.changePassword",
  "account.cancelRegistration",
  "account.registerAgain",
  "account.deleteAccount",
  "booking.rotateCalendarFeed",
  "booking.revokeCalendarFeed",
  "booking.setCalendarStars",
  "questions.saveMine",
  "meeting.submit",
  "meeting.withdraw",
  "meeting.proposeSubstitute",
  "meeting.cancelSubstitute",
]);

type Procedure = { _def: { type: "query" | "mutation" | "subscription" } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

function callerFn(user: SessionUser | null, path: string) {
  const caller = api(user);
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
}

/** What a viewer gets from a call, answer or error, as text. */
async function answer(user: SessionUser | null, path: string, input: unknown): Promise<string | "closed"> {
  try {
    return JSON.stringify(superjson.serialize(await callerFn(user, path)(input)));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return "closed";
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      throw new Error(`${path}: the secrecy guard's input ${JSON.stringify(input)} is refused: ${error.message}`);
    }
    return error instanceof Error ? error.message : String(error);
  }
}

function leaks(text: string): string[] {
  return [...markers].filter((m) =>
    // A wall-clock "HH:MM" counts on its own, not as the minutes and seconds of some other
    // timestamp ("2026-12-02T06:07:21Z" does not show a meeting at 07:21).
    /^\d\d:\d\d$/.test(m) ? new RegExp(`(?<![\\d:])${m}`).test(text) : text.includes(m),
  );
}

/** Reads every surface as everyone who must not see the meeting's details; returns what leaked where. */
async function readAllSurfaces(): Promise<string[]> {
  const found: string[] = [];
  const viewers: [string, SessionUser | null][] = [
    ["guest", null],
    ["participant", people.participant],
    ["declined applicant", people.declined],
    ["pending applicant", people.pending],
  ];
  const inputs = queryInputs();
  const mutations = sessionMutations();
  for (const [path, proc] of Object.entries(procedures)) {
    if (proc._def.type === "query") {
      const list = path in inputs ? (inputs[path] ?? [undefined]) : null;
      for (const [who, user] of viewers) {
        if (!list) {
          // Not in the guard yet: fine only if nobody below organisers can call it.
          const probe = await answer(user, path, {}).catch(() => "needs input");
          if (probe !== "closed") found.push(`${path}: a new query open to ${who} — add its inputs to the guard`);
          continue;
        }
        for (const input of list) {
          const text = await answer(user, path, input);
          for (const m of leaks(text)) found.push(`${path} as ${who}: «${m}»`);
        }
      }
    } else if (proc._def.type === "mutation") {
      if (path in mutations) {
        for (const [who, user] of viewers) {
          const text = await answer(user, path, mutations[path]);
          for (const m of leaks(text)) found.push(`${path} as ${who}: «${m}»`);
        }
      } else if (!quietMutations.has(path)) {
        const probe = await answer(people.participant, path, {}).catch(() => "needs input");
        if (probe !== "closed") found.push(`${path}: a new mutation open to participants — classify it in the guard`);
      }
    }
  }

  const edition = await testDb.db.edition.findFirstOrThrow({ where: { meetingSessionId: meetingId } });
  const calendars = [
    ["public calendar", await programmeCalendar({ db: testDb.db })],
    ["track calendar", await programmeCalendar({ db: testDb.db, trackCode })],
    ["participant's calendar", await personalCalendar({ db: testDb.db, userId: people.participant.id })],
    ["declined applicant's calendar", await personalCalendar({ db: testDb.db, userId: people.declined.id })],
    ["participant's feed", await calendarByToken({ db: testDb.db, token: ids.feedToken! })],
    ["meeting's own .ics as a guest", await sessionCalendar({ db: testDb.db, sessionId: meetingId, actor: null })],
    [
      "meeting's own .ics as a participant",
      await sessionCalendar({ db: testDb.db, sessionId: meetingId, actor: people.participant }),
    ],
    [
      "meeting's own .ics as a declined applicant",
      await sessionCalendar({ db: testDb.db, sessionId: meetingId, actor: people.declined }),
    ],
    ["neighbour's own .ics", await sessionCalendar({ db: testDb.db, sessionId: ids.neighbour!, actor: null })],
  ] as const;
  for (const [name, ics] of calendars) for (const m of leaks(ics ?? "")) found.push(`${name}: «${m}»`);

  const trusted = [people.delegate.email, people.organiser.email];
  await renderPendingMail({ db: testDb.db });
  const mail = await testDb.db.outboxMessage.findMany({ where: { to: { notIn: trusted } } });
  for (const msg of mail) {
    for (const m of leaks(`${msg.subject}\n${msg.text}\n${msg.html}`))
      found.push(`mail «${msg.subject}» to ${msg.to}: «${m}»`);
  }
  expect(edition.id).toBeTruthy();
  return found;
}

beforeAll(async () => {
  testDb = await createTestDb();
  api = callerFor(testDb.db);
  const db = testDb.db;
  const edition = await createEdition(db);
  const track = await createTrack(db, edition.id);
  trackCode = track.code;
  const [room1, room2, plain] = await Promise.all([
    createRoom(db, edition.id, { name: ROOMS[0] }),
    createRoom(db, edition.id, { name: ROOMS[1] }),
    createRoom(db, edition.id, { name: "Обычный зал" }),
  ]);
  ids.room1 = room1.id;
  ids.room2 = room2.id;
  const speaker = await createSpeaker(db, edition.id);
  speakerId = speaker.id;
  // Neighbours: one before the meeting's real start, one overlapping its real hours.
  const early = await createSession(db, {
    editionId: edition.id,
    trackId: track.id,
    roomId: plain.id,
    day: DAY,
    start: "06:00",
    end: "06:45",
    people: [{ ...speaker, role: "SPEAKER" }],
  });
  const neighbour = await createSession(db, {
    editionId: edition.id,
    trackId: track.id,
    roomId: plain.id,
    day: DAY,
    start: "07:30",
    end: "08:30",
  });
  ids.early = early.id;
  ids.neighbour = neighbour.id;

  people.organiser = await db.user.create({
    data: { email: `org-${Date.now()}@example.test`, role: "ORGANISER" },
    select: { id: true, email: true, role: true },
  });
  people.participant = await createParticipant(db, edition.id);
  const region = await createRegion(db);
  people.delegate = await createRegionalOfficial(db, edition.id, region.id);
  people.declined = await createRegionalOfficial(db, edition.id, (await createRegion(db)).id);
  people.pending = await createRegionalOfficial(db, edition.id, (await createRegion(db)).id);

  // The meeting, created and published by an organiser, at distinctive hours in a distinctive room.
  const organiserApi = api(people.organiser);
  const created = await organiserApi.programmeAdmin.createSession({
    data: meetingFields({ start: "07:13", end: "09:47", roomId: room1.id }),
    acknowledgeWarnings: true,
  });
  meetingId = (created as { id: string }).id;
  await db.edition.update({ where: { id: edition.id }, data: { meetingSessionId: meetingId } });
  await refreshMarkers();
  // Published (the change log's first entry) before anyone can apply.
  await organiserApi.programmeAdmin.publishSession({ id: meetingId });

  const accept = await api(people.delegate).meeting.submit({ ...application, role: "HEAD" });
  await organiserApi.meeting.accredit({ id: accept.id });
  const refuse = await api(people.declined).meeting.submit({ ...application, role: "HEAD" });
  await organiserApi.meeting.decline({ id: refuse.id, reason: "Квота региона исчерпана." });
  await api(people.pending).meeting.submit({ ...application, role: "HEAD" });

  await api(people.participant).booking.star({ sessionId: neighbour.id, starred: true });
  ids.feedToken = (await api(people.participant).booking.rotateCalendarFeed())
    .url!.split("/")
    .at(-1)!
    .replace(".ics", "");
});

afterAll(async () => {
  await testDb?.close();
});

describe("the August meeting's hours and room", () => {
  it("reach no guest, participant or other applicant through any surface, after every kind of change", async () => {
    const organiserApi = api(people.organiser);
    const steps: [string, () => Promise<unknown>][] = [
      [
        "edited",
        () =>
          organiserApi.programmeAdmin.updateSession({
            id: meetingId,
            data: meetingFields({
              start: "07:13",
              end: "09:47",
              roomId: ids.room1!,
              title: "Августовское совещание — повестка",
            }),
            acknowledgeWarnings: true,
          }),
      ],
      [
        "moved to another room and time",
        () =>
          organiserApi.programmeAdmin.moveSession({
            id: meetingId,
            day: DAY,
            start: "07:21",
            roomId: ids.room2!,
            acknowledgeWarnings: true,
          }),
      ],
      [
        "re-timed",
        () =>
          organiserApi.programmeAdmin.updateSession({
            id: meetingId,
            data: meetingFields({
              start: "07:21",
              end: "09:58",
              roomId: ids.room2!,
              title: "Августовское совещание — повестка",
            }),
            acknowledgeWarnings: true,
          }),
      ],
      ["cancelled", () => organiserApi.programmeAdmin.cancelSession({ id: meetingId, reason: "" })],
    ];
    const published = await readAllSurfaces();
    expect(published, "after the meeting was published").toEqual([]);
    for (const [name, step] of steps) {
      await step();
      await refreshMarkers();
      const found = await readAllSurfaces();
      expect(found, `after the meeting was ${name}`).toEqual([]);
    }
    // The guard looked for something real: the changes happened and were logged.
    expect(await testDb.db.programmeChange.count({ where: { sessionId: meetingId } })).toBeGreaterThanOrEqual(5);
    expect(markers.size).toBeGreaterThan(12);
  });

  it("is listed by its day only, ahead of the day's sessions, with no same-slot alternatives, for everyone else", async () => {
    for (const user of [null, people.participant]) {
      const day = await api(user).programme.list({ day: DAY });
      expect(day[0]?.id).toBe(meetingId);
      expect(day[0]?.timeHidden).toBe(true);
      const page = await api(user).programme.page({ day: DAY });
      expect(page.sessions[0]).toMatchObject({ id: meetingId, timeHidden: true, room: null });
      const speaker = await api(user).programme.speaker({ id: speakerId });
      expect(speaker.sessions[0]?.session.id).toBe(meetingId);
      // Which sessions overlap the meeting would tell its hours: it has no alternatives.
      expect(await api(user).booking.alternatives({ sessionId: meetingId })).toEqual([]);
    }
  });

  it("is shown with its real hours and room to the accredited delegate and to organisers", async () => {
    const real = await testDb.db.programmeSession.findUniqueOrThrow({
      where: { id: meetingId },
      select: { startsAt: true, room: { select: { name: true } } },
    });
    for (const user of [people.delegate, people.organiser]) {
      const list = await api(user).programme.list({ day: DAY });
      const card = list.find((s) => s.id === meetingId)!;
      expect(card.timeHidden).toBe(false);
      expect(card.startsAt).toEqual(real.startsAt);
      expect(card.room?.name).toBe(real.room!.name);
      const page = await api(user).programme.session({ id: meetingId });
      expect(page.room?.name).toBe(real.room!.name);
      const ics = await personalCalendar({ db: testDb.db, userId: user.id });
      expect(ics).toContain(real.room!.name);
      expect(ics).toContain(`T${formatZonedTime(real.startsAt, TZ).replace(":", "")}00`);
      // The guard's markers match the forms the real hours take where they may be shown.
      expect(leaks(ics).length).toBeGreaterThan(0);
      expect(leaks(JSON.stringify(superjson.serialize(card))).length).toBeGreaterThan(0);
      const view = await api(user).meeting.view();
      expect(view.details?.room?.name).toBe(real.room!.name);
    }
  });
});
