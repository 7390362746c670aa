import { z } from "zod";
import { SEARCH_MAX_LENGTH, SESSION_FORMATS } from "~/server/programme/rules";

export const idInput = z.object({ id: z.string().trim().min(1).max(64) });

export const programmeListInput = z.object({
  /** Calendar day in the edition's zone, "YYYY-MM-DD"; omitted = whole edition. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  track: z.string().trim().min(1).max(40).optional(),
  format: z.enum(SESSION_FORMATS).optional(),
  q: z.string().max(SEARCH_MAX_LENGTH).optional(),
});
export type ProgrammeListInput = z.infer<typeof programmeListInput>;

/** A page of the programme: `page` as the URL carries it (anything unreadable: the first). */
export const programmePageInput = programmeListInput.extend({ page: z.string().max(8).optional() });

export const speakerListInput = z.object({
  q: z.string().max(SEARCH_MAX_LENGTH).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(30),
});
export type SpeakerListInput = z.output<typeof speakerListInput>;
