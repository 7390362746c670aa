/** Input schemas of the August meeting, shared by the API and the forms. Messages are shown next to the fields. */
import { z } from "zod";
import { email } from "~/server/account/schema";
import {
  APPLICATION_STATUSES,
  DELEGATE_ROLES,
  FEDERAL_DISTRICTS,
  MEETING_TOPICS,
  QUOTA_MAX,
  QUESTION_MAX,
  QUOTA_MIN,
} from "~/server/meeting/rules";

const required = (label: string, max: number) =>
  z
    .string({ error: `Укажите ${label}.` })
    .trim()
    .min(1, `Укажите ${label}.`)
    .max(max, `Слишком длинное значение: не больше ${max} символов.`);

/** Empty strings from forms mean «not given». */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Слишком длинный текст: не больше ${max} символов.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const quota = z.coerce
  .number({ error: `Квота — целое число от ${QUOTA_MIN} до ${QUOTA_MAX}.` })
  .int(`Квота — целое число от ${QUOTA_MIN} до ${QUOTA_MAX}.`)
  .min(QUOTA_MIN, `Квота — целое число от ${QUOTA_MIN} до ${QUOTA_MAX}: в делегации есть хотя бы руководитель.`)
  .max(QUOTA_MAX, `Квота — целое число от ${QUOTA_MIN} до ${QUOTA_MAX}.`);

export const applyInput = z
  .object({
    authorityName: required("название органа управления образованием", 300),
    position: required("должность", 200),
    role: z.enum(DELEGATE_ROLES, { error: "Укажите, кем вы будете в делегации: руководителем или членом." }),
    topic: z.preprocess(blankToUndefined, z.enum(MEETING_TOPICS, { error: "Выберите тему из повестки." }).optional()),
    question: optionalText(QUESTION_MAX),
  })
  .refine((v) => !v.question || v.topic, {
    path: ["topic"],
    message: "Выберите тему повестки, к которой относится вопрос или предложение.",
  });
export type ApplyInput = z.output<typeof applyInput>;

export const sessionIdInput = z.object({ sessionId: z.string().trim().min(1).max(64) });

export const applicationIdInput = z.object({ id: z.string().trim().min(1, "Не указана заявка.").max(64) });
export type ApplicationIdInput = z.output<typeof applicationIdInput>;

export const proposeSubstituteInput = z.object({
  applicationId: z.string().trim().min(1, "Не указан член делегации.").max(64),
  email,
  note: optionalText(500),
});
export type ProposeSubstituteInput = z.output<typeof proposeSubstituteInput>;

export const declineInput = z.object({
  id: z.string().trim().min(1).max(64),
  reason: z
    .string({ error: "Укажите причину: её получит заявитель." })
    .trim()
    .min(5, "Укажите причину (не короче 5 символов): её получит заявитель.")
    .max(1000, "Слишком длинная причина: не больше 1000 символов."),
});
export type DeclineInput = z.output<typeof declineInput>;

export const rejectSubstituteInput = z.object({
  id: z.string().trim().min(1).max(64),
  reason: optionalText(1000),
});
export type RejectSubstituteInput = z.output<typeof rejectSubstituteInput>;

export const settingsInput = z.object({
  /** Required: an absent field must not unlink the session (null or "" unlinks it). */
  meetingSessionId: z.preprocess(
    (v) => (v === "" ? null : v),
    z.string({ error: "Выберите мероприятие или «не выбрано»." }).trim().max(64).nullable(),
  ),
  defaultQuota: quota,
  reserveEnabled: z.boolean(),
});
export type SettingsInput = z.output<typeof settingsInput>;

export const materialsInput = z.object({
  // Required: a call without it must not blank the materials (an empty string clears them on purpose).
  materials: z
    .string({ error: "Передайте текст материалов: пустая строка очищает их." })
    .max(20_000, "Слишком длинный текст: не больше 20 000 символов."),
});
export type MaterialsInput = z.output<typeof materialsInput>;

export const quotaInput = z.object({
  regionId: z.coerce.number({ error: "Выберите регион." }).int("Выберите регион.").positive("Выберите регион."),
  /** Null: the region follows the default quota again. */
  quota: z.preprocess(blankToUndefined, quota.optional()).transform((v) => v ?? null),
});
export type QuotaInput = z.output<typeof quotaInput>;

export const SUBSTITUTION_FILTER = "SUBSTITUTION";
export const APPLICATIONS_PAGE_SIZE = 20;

export const applicationsInput = z.object({
  district: z.enum(FEDERAL_DISTRICTS).optional(),
  regionId: z.number().int().positive().optional(),
  /** A status, or SUBSTITUTION: applications with a substitution waiting for a decision. */
  status: z.enum([...APPLICATION_STATUSES, SUBSTITUTION_FILTER]).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type ApplicationsInput = z.output<typeof applicationsInput>;
