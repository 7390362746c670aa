import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { ZodError, z } from "zod";
import { translatedFieldErrors, type ValidationTranslator } from "~/server/i18n/validation";

/** What a Server Action returns to its form: a message, errors by field, what was typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** Answers to the organisers' questions as typed (several values for «several choices»). */
  answers?: Record<string, string | string[]>;
  /**
   * Changes with every answer. Forms use it as their React key: React resets a form after
   * its action runs, and remounting restores what was typed (selects included) from `values`.
   */
  stamp?: number;
};

export const emptyForm: FormState = {};

/** The typed values of a form, passwords left out (never sent back to the page). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Turns an API error into form state: validation errors go next to their fields, domain
 * errors become the form's message. Anything else is rethrown (the error page shows it).
 */
export function errorToFormState(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof TRPCError) {
    if (error.cause instanceof ZodError) {
      const flat = z.flattenError(error.cause);
      return {
        ok: false,
        // Translated by the API's error mapping (server/api/trpc.ts) in the caller's language.
        message: error.message,
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
        values,
        stamp: Date.now(),
      };
    }
    if (error.code !== "INTERNAL_SERVER_ERROR") return { ok: false, message: error.message, values, stamp: Date.now() };
  }
  throw error;
}

/**
 * Errors by field of a form a Server Action parsed itself, in the viewer's language (schemas
 * name their messages by key: server/i18n/validation.ts).
 */
export async function fieldErrorsOf(error: z.ZodError): Promise<Record<string, string[]>> {
  const t = await getTranslations("validation");
  const vt: ValidationTranslator = Object.assign(
    (key: string, values?: Record<string, number | string>) => t(key as never, values as never),
    {
      has: (key: string) => t.has(key as never),
    },
  );
  return translatedFieldErrors(vt, error);
}

/** A form its Server Action refused before calling the API: the message and errors by field. */
export async function invalidForm(error: z.ZodError, values: Record<string, string>): Promise<FormState> {
  const t = await getTranslations("validation");
  return { ok: false, message: t("checkFields"), fieldErrors: await fieldErrorsOf(error), values, stamp: Date.now() };
}
