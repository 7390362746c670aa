/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
import { z } from "zod";

export const feedbackInput = z.object({
  sessionId: z.string().trim().min(1).max(64),
  rating: z.coerce
    .number({ error: "ratingRange" })
    .int({ error: "ratingRange" })
    .min(1, { error: "ratingRange" })
    .max(5, { error: "ratingRange" }),
  comment: z.string().trim().max(2000, { error: "commentTooLong" }).default(""),
});
