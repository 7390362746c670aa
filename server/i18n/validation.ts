/**
 * Validation messages by key. Every zod schema names its messages with a key of the
 * "validation" namespace (server/i18n/messages/<locale>/server.json) instead of text; the key is
 * turned into text where the error is shown, in the viewer's language: the tRPC error mapping
 * (server/api/trpc.ts, which covers every procedure and the forms that call them), the Server
 * Actions that parse a form themselves, and client components that check a form as it is typed.
 * Pure and client-safe: the caller passes its translator.
 */
import { z } from "zod";

export type ValidationTranslator = {
  (key: string, values?: Record<string, number | string>): string;
  has(key: string): boolean;
};

type IssueLike = { message: string; maximum?: unknown; minimum?: unknown };

const numeric = (v: unknown): number | undefined =>
  typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : undefined;

/** The text of one issue: its key translated (with the limit the issue carries), or a generic line. */
export function issueText(t: ValidationTranslator, issue: IssueLike): string {
  const values: Record<string, number> = {};
  const maximum = numeric(issue.maximum);
  const minimum = numeric(issue.minimum);
  if (maximum !== undefined) values.maximum = maximum;
  if (minimum !== undefined) values.minimum = minimum;
  return t.has(issue.message) ? t(issue.message, values) : t("invalid");
}

/** A ZodError with every message translated (same issues, paths and codes). */
export function translateZodError(t: ValidationTranslator, error: z.ZodError): z.ZodError {
  return new z.ZodRealError(error.issues.map((issue) => ({ ...issue, message: issueText(t, issue) })));
}

/** Errors by field for a form, translated. */
export function translatedFieldErrors(t: ValidationTranslator, error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error, (issue) => issueText(t, issue)).fieldErrors as Record<string, string[]>;
}
