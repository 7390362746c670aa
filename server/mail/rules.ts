/**
 * Pure rules of mail delivery and the development mail viewer: retry schedule, lease,
 * error text, link extraction. No database, no network.
 */

/** How long a worker holds claimed messages before another one may take them over. */
export const LEASE_MS = 60_000;

/** After this many attempts a message is given up (FAILED). */
export const MAX_ATTEMPTS = 8;

/** Messages claimed by one worker run. Small, so that one run finishes well within the lease. */
export const DEFAULT_BATCH_SIZE = 10;

/**
 * Waits before the next attempt, by the number of attempts made so far: 1 min after the
 * first failure, then 5, 15 min, 1, 3, 6, 12 h. Eight attempts span about 22 hours, which
 * rides out a mail server's maintenance night but gives up on a broken address.
 */
export const RETRY_DELAYS_MS: readonly number[] = [1, 5, 15, 60, 180, 360, 720].map((min) => min * 60_000);

/** The wait after the `attempts`-th failed attempt (1-based); the last step repeats. */
export function retryDelayMs(attempts: number): number {
  const index = Math.min(Math.max(Math.trunc(attempts), 1), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[index]!;
}

export type FailureOutcome = { status: "PENDING"; nextAttemptAt: Date } | { status: "FAILED"; nextAttemptAt: Date };

/** What happens to a message whose `attempts`-th attempt has just failed at `now`. */
export function afterFailure({
  attempts,
  now,
  maxAttempts = MAX_ATTEMPTS,
}: {
  attempts: number;
  now: Date;
  maxAttempts?: number;
}): FailureOutcome {
  if (attempts >= maxAttempts) return { status: "FAILED", nextAttemptAt: now };
  return { status: "PENDING", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

const MAX_ERROR_LENGTH = 1000;

/** A short, single-line description of a send failure for `lastError` (SMTP reply included). */
export function describeSendError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const e = error as Error & { code?: unknown; responseCode?: unknown; response?: unknown };
    const parts = [
      typeof e.code === "string" ? e.code : undefined,
      typeof e.responseCode === "number" ? String(e.responseCode) : undefined,
      typeof e.response === "string" && !e.message.includes(e.response) ? `${e.message} (${e.response})` : e.message,
    ];
    text = parts.filter(Boolean).join(" ");
  } else {
    text = String(error);
  }
  text = text.replace(/\s+/g, " ").trim() || "Unknown error";
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The domain of the From address, for Message-IDs (`Name <a@b.c>` or `a@b.c`). */
export function senderDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? "localhost";
}

/** Whether the development mail viewer is on: outside production, or by explicit flag. */
export function mailViewerEnabled({ nodeEnv, flag }: { nodeEnv: string; flag: boolean }): boolean {
  return nodeEnv !== "production" || flag;
}

export type TextPiece = { kind: "text"; value: string } | { kind: "link"; value: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'«»]+/g;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Splits plain text into text and http(s) links, so that the viewer can make links clickable. */
export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    const start = match.index;
    if (start > last) pieces.push({ kind: "text", value: text.slice(last, start) });
    pieces.push({ kind: "link", value: url });
    last = start + url.length;
  }
  if (last < text.length) pieces.push({ kind: "text", value: text.slice(last) });
  return pieces;
}

/** The distinct http(s) links of a text, in order of appearance. */
export function extractLinks(text: string): string[] {
  return [...new Set(splitLinks(text).flatMap((p) => (p.kind === "link" ? [p.value] : [])))];
}

/**
 * The HTML of a message for a sandboxed iframe: links open in a new tab (a sandboxed frame
 * may not navigate the viewer itself), nothing else changes.
 */
export function htmlForPreview(html: string): string {
  const base = '<base target="_blank">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${base}`);
  return `${base}${html}`;
}
