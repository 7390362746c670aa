import { z } from "zod";

/** Messages per page of the development mail viewer. */
export const DEV_MAIL_PAGE_SIZE = 20;

export const devMailListInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  /** Only messages to this address (exact, case-insensitive). */
  to: z.string().trim().max(320).optional(),
});
export type DevMailListInput = z.infer<typeof devMailListInput>;

export const devMailIdInput = z.object({ id: z.string().min(1).max(64) });
export type DevMailIdInput = z.infer<typeof devMailIdInput>;
