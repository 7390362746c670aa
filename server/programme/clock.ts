import { env, type Env } from "~/server/env";

/**
 * The fixed "now" FORUM_CLOCK names, when this environment may honour it: in development and
 * tests, and in an e2e run (production build with DEV_MAIL_VIEWER=1); a real production server
 * always reads the real clock.
 */
export function clockOverride(e: Pick<Env, "NODE_ENV" | "DEV_MAIL_VIEWER" | "FORUM_CLOCK">): Date | null {
  if (!e.FORUM_CLOCK) return null;
  if (e.NODE_ENV === "production" && !e.DEV_MAIL_VIEWER) return null;
  const at = new Date(e.FORUM_CLOCK);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "Now" for the programme's default day and «Сейчас идёт / Далее». */
export function forumNow(): Date {
  return clockOverride(env) ?? new Date();
}
