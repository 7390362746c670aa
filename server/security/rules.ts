/**
 * Pure rules of the rate limits: fixed windows and the message a person sees. No database.
 */
import { apiErrorsT } from "~/server/i18n/server-messages";

/** The longest window a limit may use: older windows are deleted after one day. */
export const MAX_WINDOW_SECONDS = 86_400;

/** The start of the fixed window of `windowSeconds` that contains `now` (aligned to the epoch). */
export function windowStartFor(now: Date, windowSeconds: number): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** Whole seconds until the window containing `now` ends (at least 1). */
export function secondsUntilWindowEnds(now: Date, windowSeconds: number): number {
  const end = windowStartFor(now, windowSeconds).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** Checks a limit's settings: a mistake here is a programming error, not a person's. */
export function assertValidLimit(limit: number, windowSeconds: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`Rate limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
    throw new Error(`Rate-limit window must be 1…${MAX_WINDOW_SECONDS} whole seconds, got ${windowSeconds}`);
  }
}

/** Whole minutes to wait, rounded up (at least 1). */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/** "Too many attempts, try again in 5 minutes", in the current locale (the plural by ICU). */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return apiErrorsT("tooManyAttempts", { minutes: minutesToWait(retryAfterSeconds) });
}
