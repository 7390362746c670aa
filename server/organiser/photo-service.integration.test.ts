import ICAL from "ical.js";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { sessionCalendar } from "~/server/booking/calendar/feed";
import type { Db } from "~/server/db/client";
import { readSpeakerPhoto } from "~/server/organiser/photo-service";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createEdition,
  createOrganiser,
  createParticipant,
  createRoom,
  createSession,
  createSpeaker,
} from "~/server/test/factories";
import { refusal } from "~/server/test/refusal";

let testDb: TestDb;
let db: Db;
let editionId: string;
let organiser: SessionUser;
let ip = 0;
const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: `10.8.1.${++ip % 250}` }));

/** A real photo-like image: a 900×600 JPEG (landscape, so the square crop shows). */
const jpeg = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .toBuffer();

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  organiser = await createOrganiser(db);
});

afterAll(async () => {
  await testDb?.close();
});

describe("speaker photos", () => {
  it("an uploaded JPEG is stored as two square WebP sizes, served by its hash, and audited", async () => {
    const speaker = await createSpeaker(db, editionId, { fullName: "Иванова Мария Петровна" });
    const saved = await as(organiser).programmeAdmin.setSpeakerPhoto({
      id: speaker.id,
      data: (await jpeg()).toString("base64"),
    });
    expect(saved.hash).toMatch(/^[0-9a-f]{20}$/);

    const large = await readSpeakerPhoto({ db, speakerId: speaker.id, hash: saved.hash, size: "large" });
    const small = await readSpeakerPhoto({ db, speakerId: speaker.id, hash: saved.hash, size: "small" });
    expect(large).not.toBeNull();
    const largeMeta = await sharp(large!).metadata();
    const smallMeta = await sharp(small!).metadata();
    expect([largeMeta.format, largeMeta.width, largeMeta.height]).toEqual(["webp", 400, 400]);
    expect([smallMeta.format, smallMeta.width, smallMeta.height]).toEqual(["webp", 96, 96]);
    // An old URL (another hash) finds nothing: the public URL is versioned by the photo.
    expect(await readSpeakerPhoto({ db, speakerId: speaker.id, hash: "0".repeat(20), size: "large" })).toBeNull();

    const audit = await db.auditLog.findFirst({ where: { entityId: speaker.id, action: "speaker.photo" } });
    expect(audit?.actorId).toBe(organiser.id);
  });

  it("replacing a photo changes its hash; the old URL stops answering", async () => {
    const speaker = await createSpeaker(db, editionId);
    const api = as(organiser).programmeAdmin;
    const first = await api.setSpeakerPhoto({ id: speaker.id, data: (await jpeg()).toString("base64") });
    const png = await sharp({ create: { width: 300, height: 500, channels: 4, background: "#1d4ed8" } })
      .png()
      .toBuffer();
    const second = await api.setSpeakerPhoto({ id: speaker.id, data: png.toString("base64") });
    expect(second.hash).not.toBe(first.hash);
    expect(await readSpeakerPhoto({ db, speakerId: speaker.id, hash: first.hash, size: "small" })).toBeNull();
    expect(await readSpeakerPhoto({ db, speakerId: speaker.id, hash: second.hash, size: "small" })).not.toBeNull();
    expect(await db.speakerPhoto.count({ where: { speakerId: speaker.id } })).toBe(1);
  });

  it("a file that is not an image, or a damaged one, is refused with a message and changes nothing", async () => {
    const speaker = await createSpeaker(db, editionId);
    const api = as(organiser).programmeAdmin;
    const good = await api.setSpeakerPhoto({ id: speaker.id, data: (await jpeg()).toString("base64") });

    const text = await refusal(
      api.setSpeakerPhoto({ id: speaker.id, data: Buffer.from("%PDF-1.7 not a photo").toString("base64") }),
      TRPCError,
    );
    expect(text.code).toBe("BAD_REQUEST");
    expect(text.message).toMatch(/не изображение/);

    const truncated = (await jpeg()).subarray(0, 400);
    const damaged = await refusal(
      api.setSpeakerPhoto({ id: speaker.id, data: truncated.toString("base64") }),
      TRPCError,
    );
    expect(damaged.code).toBe("BAD_REQUEST");
    expect(damaged.message).not.toMatch(/sharp|vips|Error:/i);

    const empty = await refusal(api.setSpeakerPhoto({ id: speaker.id, data: "" }), TRPCError);
    expect(empty.message).toMatch(/Выберите файл/);

    // The photo that was there before is still served.
    expect(await readSpeakerPhoto({ db, speakerId: speaker.id, hash: good.hash, size: "large" })).not.toBeNull();
  });

  it("removing a photo leaves the speaker with initials; removing again says there is none; participants may not", async () => {
    const speaker = await createSpeaker(db, editionId);
    const api = as(organiser).programmeAdmin;
    const saved = await api.setSpeakerPhoto({ id: speaker.id, data: (await jpeg()).toString("base64") });

    const participant = await createParticipant(db, editionId);
    const forbidden = await refusal(as(participant).programmeAdmin.removeSpeakerPhoto({ id: speaker.id }), TRPCError);
    expect(forbidden.code).toBe("FORBIDDEN");

    await api.removeSpeakerPhoto({ id: speaker.id });
    expect(await readSpeakerPhoto({ db, speakerId: speaker.id, hash: saved.hash, size: "large" })).toBeNull();
    const again = await refusal(api.removeSpeakerPhoto({ id: speaker.id }), TRPCError);
    expect(again.code).toBe("NOT_FOUND");
    expect(await db.auditLog.count({ where: { entityId: speaker.id, action: "speaker.photoRemove" } })).toBe(1);
  });
});

describe("a session's own calendar file", () => {
  it("holds exactly that session, at its time and room, readable by ical.js", async () => {
    const room = await createRoom(db, editionId, { name: "Зал «Ока»" });
    const session = await createSession(db, {
      editionId,
      roomId: room.id,
      title: "Кадры для экономики региона",
      day: "2025-08-26",
      start: "14:00",
      end: "15:30",
    });
    await createSession(db, { editionId, title: "Соседняя сессия", day: "2025-08-26" });
    const ics = await sessionCalendar({ db, sessionId: session.id, actor: null });
    expect(ics).not.toBeNull();
    const comp = new ICAL.Component(ICAL.parse(ics!));
    for (const tz of comp.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe("Кадры для экономики региона");
    expect(events[0]!.location).toContain("Зал «Ока»");
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2025-08-26T11:00:00.000Z");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2025-08-26T12:30:00.000Z");
  });

  it("a draft or an unknown session has no file", async () => {
    const draft = await createSession(db, { editionId, status: "DRAFT" });
    expect(await sessionCalendar({ db, sessionId: draft.id, actor: null })).toBeNull();
    expect(await sessionCalendar({ db, sessionId: "no-such-session", actor: null })).toBeNull();
  });
});
