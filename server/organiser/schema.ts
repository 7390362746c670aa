/**
 * Inputs of the programme editor. The same schemas validate the API and the forms (the server
 * actions parse with them first, so messages land next to their fields).
 */
import { z } from "zod";
import { DESCRIPTION_MAX, sanitiseDescription } from "~/server/organiser/description";
import { SESSION_FORMATS } from "~/server/programme/rules";
import { isDayKey } from "~/server/programme/time";

const id = z.string().trim().min(1).max(64);
/** An optional reference: "" and null both mean none. */
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());

export const dayKey = z
  .string({ error: "Выберите день." })
  .refine(isDayKey, { message: "Выберите день в формате ГГГГ-ММ-ДД." });
export const wallTime = z
  .string({ error: "Укажите время." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Время в формате ЧЧ:ММ, например 10:30." });

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
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "Поле не передано: при изменении передаются все поля.",
          });
    })
    .pipe(fields);
}

export const sessionFields = z
  .object({
    title: z
      .string({ error: "Укажите название." })
      .trim()
      .min(3, { message: "Название — не короче 3 символов." })
      .max(300, { message: "Название — не длиннее 300 символов." }),
    description: z
      .string()
      .max(DESCRIPTION_MAX * 2, { message: `Описание — не длиннее ${DESCRIPTION_MAX} символов.` })
      .default("")
      .transform(sanitiseDescription),
    trackId: optionalId,
    format: z.enum(SESSION_FORMATS, { error: "Выберите формат." }),
    day: dayKey,
    start: wallTime,
    end: wallTime,
    /** Only for sessions that run past midnight; the day of the start otherwise. */
    endDay: dayKey.optional(),
    roomId: optionalId,
    capacity: z
      .number({ error: "Число мест — целое число или пусто." })
      .int({ message: "Число мест — целое число." })
      .min(0, { message: "Число мест не может быть отрицательным." })
      .max(100_000, { message: "Слишком много мест." })
      .nullable(),
    isClosed: z.boolean().default(false),
    bookingRequired: z.boolean().default(true),
    moderatorIds: z.array(id).max(20, { message: "Не больше 20 модераторов." }).default([]),
    speakerIds: z.array(id).max(60, { message: "Не больше 60 спикеров." }).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.moderatorIds.some((m) => v.speakerIds.includes(m))) {
      ctx.addIssue({
        code: "custom",
        path: ["speakerIds"],
        message: "Один человек не может быть одновременно модератором и спикером.",
      });
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
  reason: z.string().trim().max(500, { message: "Причина — не длиннее 500 символов." }).default(""),
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
    .string({ error: "Укажите код." })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: "Код — от 2 до 40 латинских строчных букв, цифр и дефисов." }),
  title: z.string().trim().min(2, { message: "Укажите название." }).max(200, { message: "Не длиннее 200 символов." }),
  description: z.string().trim().max(2000, { message: "Не длиннее 2000 символов." }).default(""),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "Цвет в формате #RRGGBB." }),
  order: z.number({ error: "Порядок — целое число." }).int().min(0).max(1000).default(0),
});
export type TrackFields = z.output<typeof trackFields>;
export const createTrackInput = z.object({ data: trackFields });
export const updateTrackInput = z.object({ id, data: forUpdate(trackFields) });

export const roomFields = z.object({
  name: z.string().trim().min(2, { message: "Укажите название." }).max(200, { message: "Не длиннее 200 символов." }),
  capacity: z
    .number({ error: "Вместимость — целое число." })
    .int({ message: "Вместимость — целое число." })
    .min(1, { message: "Вместимость — от 1." })
    .max(100_000, { message: "Слишком большая вместимость." }),
  floor: z.string().trim().max(100, { message: "Не длиннее 100 символов." }).default(""),
});
export type RoomFields = z.output<typeof roomFields>;
export const createRoomInput = z.object({ data: roomFields });
export const updateRoomInput = z.object({ id, data: forUpdate(roomFields) });

export const speakerFields = z.object({
  fullName: z
    .string({ error: "Укажите ФИО." })
    .trim()
    .min(3, { message: "ФИО — не короче 3 символов." })
    .max(200, { message: "Не длиннее 200 символов." }),
  position: z.string().trim().max(300, { message: "Не длиннее 300 символов." }).default(""),
  organisation: z.string().trim().max(300, { message: "Не длиннее 300 символов." }).default(""),
  bio: z.string().trim().max(3000, { message: "Не длиннее 3000 символов." }).default(""),
});
export type SpeakerFields = z.output<typeof speakerFields>;
export const createSpeakerInput = z.object({ data: speakerFields });
export const updateSpeakerInput = z.object({ id, data: forUpdate(speakerFields) });

export const speakerListInput = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type SpeakerListInput = z.output<typeof speakerListInput>;

/** An uploaded file, base64-encoded (the server action reads it from the form). */
export const importInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  data: z.string().max(1_000_000, { message: "Файл слишком большой: до 700 КБ." }),
});
export type ImportInput = z.output<typeof importInput>;

export const attendeesInput = z.object({ sessionId: id });

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
