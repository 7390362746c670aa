import { z } from "zod";

const sessionId = z.string().trim().min(1).max(64);

export const sessionInput = z.object({ sessionId });
export type SessionInput = z.infer<typeof sessionInput>;

export const bookInput = z.object({
  sessionId,
  /** When the session is full: join its waitlist (true) or report FULL and change nothing (false). */
  waitlistIfFull: z.boolean().default(false),
  /**
   * Sessions the person agreed to give up for this one (the swap offered after a clash).
   * Any clash not listed here is reported again instead of being cancelled.
   */
  replaceSessionIds: z.array(sessionId).max(10).default([]),
});
export type BookInput = z.output<typeof bookInput>;

export const statusInput = z.object({ sessionIds: z.array(sessionId).max(300) });
export type StatusInput = z.infer<typeof statusInput>;

export const starInput = z.object({ sessionId, starred: z.boolean() });
export type StarInput = z.infer<typeof starInput>;

/** Starred sessions in the personal calendar: as free, tentative time (true) or left out (false). */
export const calendarStarsInput = z.object({ stars: z.boolean() });
export type CalendarStarsInput = z.infer<typeof calendarStarsInput>;

/** The two sessions a clash mail names (`/my/clash/<a>/<b>`). */
export const clashInput = z.object({ a: sessionId, b: sessionId });
export type ClashInput = z.infer<typeof clashInput>;

/** Resolving a clash: the seat kept and the seat given up. */
export const resolveClashInput = z.object({ keepSessionId: sessionId, cancelSessionId: sessionId });
export type ResolveClashInput = z.infer<typeof resolveClashInput>;
