/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
import { z } from "zod";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The filters of a badge print, as they come from the console's GET form. */
export const badgeFilter = z.object({
  trackId: z.preprocess(blank, z.string().trim().max(64).optional()),
  category: z.preprocess(blank, z.enum(PARTICIPANT_CATEGORIES, { error: "categoryUnknown" }).optional()),
  regionId: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).optional()),
  notPrinted: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
});
export type BadgeFilter = z.infer<typeof badgeFilter>;
