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

/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
const required = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, "tooLong");

/** Empty strings from forms mean «not given». */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLongText")
    .optional()
    .transform((v) => (v ? v : undefined));

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const quota = z.coerce.number({ error: "quota" }).int("quota").min(QUOTA_MIN, "quotaMin").max(QUOTA_MAX, "quota");

export const applyInput = z
  .object({
    authorityName: required("authorityRequired", 300),
    position: required("positionRequired", 200),
    role: z.enum(DELEGATE_ROLES, { error: "delegateRoleRequired" }),
    topic: z.preprocess(blankToUndefined, z.enum(MEETING_TOPICS, { error: "topicRequired" }).optional()),
    question: optionalText(QUESTION_MAX),
  })
  .refine((v) => !v.question || v.topic, {
    path: ["topic"],
    message: "topicForQuestion",
  });
export type ApplyInput = z.output<typeof applyInput>;

export const sessionIdInput = z.object({ sessionId: z.string().trim().min(1).max(64) });

export const applicationIdInput = z.object({ id: z.string().trim().min(1, "applicationRequired").max(64) });
export type ApplicationIdInput = z.output<typeof applicationIdInput>;

export const proposeSubstituteInput = z.object({
  applicationId: z.string().trim().min(1, "delegateRequired").max(64),
  email,
  note: optionalText(500),
});
export type ProposeSubstituteInput = z.output<typeof proposeSubstituteInput>;

export const declineInput = z.object({
  id: z.string().trim().min(1).max(64),
  reason: z.string({ error: "reasonRequired" }).trim().min(5, "reasonTooShort").max(1000, "reasonTooLong"),
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
    z.string({ error: "meetingSessionRequired" }).trim().max(64).nullable(),
  ),
  defaultQuota: quota,
  reserveEnabled: z.boolean(),
});
export type SettingsInput = z.output<typeof settingsInput>;

export const materialsInput = z.object({
  // Required: a call without it must not blank the materials (an empty string clears them on purpose).
  materials: z.string({ error: "materialsRequired" }).max(20_000, "tooLongText"),
});
export type MaterialsInput = z.output<typeof materialsInput>;

export const quotaInput = z.object({
  regionId: z.coerce.number({ error: "regionChoose" }).int("regionChoose").positive("regionChoose"),
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
