/**
 * Inputs of the programme editor. Messages are keys of the "validation" namespace
 * (server/i18n/validation.ts). The same schemas validate the API and the forms (the server
 * actions parse with them first, so messages land next to their fields).
 */
import { z } from "zod";
import { DESCRIPTION_MAX, safeHref, sanitiseDescription } from "~/server/organiser/description";
import { SESSION_FORMATS } from "~/server/programme/rules";
import { isDayKey } from "~/server/programme/time";

const id = z.string().trim().min(1).max(64);
/** An optional reference: "" and null both mean none. */
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());

export const dayKey = z.string({ error: "dayRequired" }).refine(isDayKey, { message: "dayFormat" });
export const wallTime = z
  .string({ error: "timeRequired" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "timeFormat" });

/**
 * An update replaces every field, so every field must be sent: a default would turn a missing field
 * into an erased one (`{ id, data: { title } }` blanking the description, speakers, room…).
 */
function forUpdate<T extends z.ZodObject>(fields: T, mayOmit: readonly string[] = []) {
  const keys = Object.keys(fields.shape).filter((k) => !mayOmit.includes(k));
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value !== "object" || value === null) return;
      for (const key of keys)
        if ((value as Record<string, unknown>)[key] === undefined)
          ctx.addIssue({ code: "custom", path: [key], message: "fieldMissing" });
    })
    .pipe(fields);
}

export const sessionFields = z
  .object({
    title: z
      .string({ error: "titleRequired" })
      .trim()
      .min(3, { message: "titleTooShort" })
      .max(300, { message: "titleTooLong" }),
    description: z
      .string()
      .max(DESCRIPTION_MAX * 2, { message: "descriptionTooLong" })
      .default("")
      .transform(sanitiseDescription),
    trackId: optionalId,
    format: z.enum(SESSION_FORMATS, { error: "formatRequired" }),
    day: dayKey,
    start: wallTime,
    end: wallTime,
    /** Only for sessions that run past midnight; the day of the start otherwise. */
    endDay: dayKey.optional(),
    roomId: optionalId,
    capacity: z
      .number({ error: "capacityNumber" })
      .int({ message: "capacityInteger" })
      .min(0, { message: "capacityNegative" })
      .max(100_000, { message: "capacityTooMany" })
      .nullable(),
    isClosed: z.boolean().default(false),
    bookingRequired: z.boolean().default(true),
    moderatorIds: z.array(id).max(20, { message: "moderatorsTooMany" }).default([]),
    speakerIds: z.array(id).max(60, { message: "speakersTooMany" }).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.moderatorIds.some((m) => v.speakerIds.includes(m))) {
      ctx.addIssue({ code: "custom", path: ["speakerIds"], message: "moderatorIsSpeaker" });
    }
  });
export type SessionFields = z.output<typeof sessionFields>;
export type SessionFieldsInput = z.input<typeof sessionFields>;

const saveOptions = {
  /** Save although the checks gave warnings (never past errors). */
  acknowledgeWarnings: z.boolean().default(false),
  /** When the capacity drops below the confirmed seats: move the last booked to the waitlist's front. */
  moveExcessToWaitlist: z.boolean().default(false),
};

export const createSessionInput = z.object({ data: sessionFields, ...saveOptions });
export type CreateSessionInput = z.output<typeof createSessionInput>;

export const updateSessionInput = z.object({ id, data: forUpdate(sessionFields, ["endDay"]), ...saveOptions });
export type UpdateSessionInput = z.output<typeof updateSessionInput>;

export const checkSessionInput = z.object({
  id: id.optional(),
  data: sessionFields,
  moveExcessToWaitlist: z.boolean().default(false),
});
export type CheckSessionInput = z.output<typeof checkSessionInput>;

export const moveSessionInput = z.object({
  id,
  day: dayKey,
  start: wallTime,
  roomId: optionalId,
  acknowledgeWarnings: z.boolean().default(false),
});
export type MoveSessionInput = z.output<typeof moveSessionInput>;

export const idInput = z.object({ id });
export type IdInput = z.output<typeof idInput>;

export const cancelSessionInput = z.object({
  id,
  reason: z.string().trim().max(500, { message: "cancelReasonTooLong" }).default(""),
});
export type CancelSessionInput = z.output<typeof cancelSessionInput>;

export const SESSION_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;

export const sessionListInput = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  trackId: id.optional(),
  day: dayKey.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type SessionListInput = z.output<typeof sessionListInput>;

export const timetableInput = z.object({ day: dayKey.optional() });
export type TimetableInput = z.output<typeof timetableInput>;

export const trackFields = z.object({
  code: z
    .string({ error: "codeRequired" })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: "codeFormat" }),
  title: z.string().trim().min(2, { message: "titleRequired" }).max(200, { message: "notLonger" }),
  description: z.string().trim().max(2000, { message: "notLonger" }).default(""),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "colorFormat" }),
  order: z.number({ error: "orderInteger" }).int().min(0).max(1000).default(0),
});
export type TrackFields = z.output<typeof trackFields>;
export const createTrackInput = z.object({ data: trackFields });
export const updateTrackInput = z.object({ id, data: forUpdate(trackFields) });

export const roomFields = z.object({
  name: z.string().trim().min(2, { message: "titleRequired" }).max(200, { message: "notLonger" }),
  capacity: z
    .number({ error: "roomCapacityInteger" })
    .int({ message: "roomCapacityInteger" })
    .min(1, { message: "roomCapacityMin" })
    .max(100_000, { message: "roomCapacityTooLarge" }),
  floor: z.string().trim().max(100, { message: "notLonger" }).default(""),
  /** How to get there: Markdown, cleaned like a session description. */
  description: z.string().max(3000, { message: "notLonger" }).default("").transform(sanitiseDescription),
  /** A floor plan or map: "" or an http(s) address. */
  mapUrl: z
    .string()
    .trim()
    .max(1000, { message: "notLonger" })
    .refine((v) => v === "" || (/^https?:\/\//i.test(v) && safeHref(v) !== null), { message: "mapUrlFormat" })
    .default(""),
});
export type RoomFields = z.output<typeof roomFields>;
export const createRoomInput = z.object({ data: roomFields });
export const updateRoomInput = z.object({ id, data: forUpdate(roomFields) });

export const speakerFields = z.object({
  fullName: z
    .string({ error: "fullNameRequired" })
    .trim()
    .min(3, { message: "fullNameTooShort" })
    .max(200, { message: "notLonger" }),
  position: z.string().trim().max(300, { message: "notLonger" }).default(""),
  organisation: z.string().trim().max(300, { message: "notLonger" }).default(""),
  bio: z.string().trim().max(3000, { message: "notLonger" }).default(""),
});
export type SpeakerFields = z.output<typeof speakerFields>;
export const createSpeakerInput = z.object({ data: speakerFields });
export const updateSpeakerInput = z.object({ id, data: forUpdate(speakerFields) });
/** A new person added from the session editor's picker: the name (and organisation) only. */
export const createSpeakerInlineInput = speakerFields.pick({ fullName: true, organisation: true });
export type CreateSpeakerInlineInput = z.output<typeof createSpeakerInlineInput>;

export const speakerListInput = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type SpeakerListInput = z.output<typeof speakerListInput>;

/** The largest photo file accepted, before resizing. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** A speaker's photo, base64-encoded (the server action reads it from the form); size checked by the service. */
export const speakerPhotoInput = z.object({
  id,
  data: z.string().max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 16, { message: "photoTooLarge" }),
});
export type SpeakerPhotoInput = z.output<typeof speakerPhotoInput>;

/** An uploaded file, base64-encoded (the server action reads it from the form). */
export const importInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  data: z.string().max(1_000_000, { message: "fileTooLarge" }),
});
export type ImportInput = z.output<typeof importInput>;

export const attendeesInput = z.object({ sessionId: id });

/** One session's, one room's or (neither given) every session's door list. */
export const rostersInput = z.object({ sessionId: id.optional(), roomId: id.optional() });

export const auditListInput = z.object({
  actor: z.string().trim().max(200).optional(),
  entity: z.string().trim().max(60).optional(),
  action: z.string().trim().max(60).optional(),
  from: dayKey.optional(),
  to: dayKey.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type AuditListInput = z.output<typeof auditListInput>;

export const changeLogInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });

export const setTrackEditorInput = z.object({ userId: id, trackIds: z.array(id).max(50).default([]) });
export type SetTrackEditorInput = z.output<typeof setTrackEditorInput>;
