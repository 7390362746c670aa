import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";

/** What a Server Action returns to its form: a message, errors by field, what was typed. */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
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
        message: "Проверьте поля, отмеченные ниже.",
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
        values,
        stamp: Date.now(),
      };
    }
    if (error.code !== "INTERNAL_SERVER_ERROR") return { ok: false, message: error.message, values, stamp: Date.now() };
  }
  throw error;
}
