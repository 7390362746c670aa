/**
 * Translators of the server's own texts (server/i18n/messages/<locale>/server.json), in the
 * current locale of the request or job (server/i18n/translate.ts).
 */
import { serverTranslator } from "~/server/i18n/translate";
import { issueText, translateZodError, type ValidationTranslator } from "~/server/i18n/validation";
import type { z } from "zod";

export const apiErrorsT = serverTranslator("server", "apiErrors");
export const bookingErrorsT = serverTranslator("server", "bookingErrors");
export const accountErrorsT = serverTranslator("server", "accountErrors");
export const accountMailT = serverTranslator("server", "accountMail");
export const mailLayoutT = serverTranslator("server", "mailLayout");
export const exportT = serverTranslator("server", "exportTables");
export const columnsT = serverTranslator("server", "programmeColumns");
export const zoneNameT = serverTranslator("booking", "booking");
const validationT = serverTranslator("server", "validation") as unknown as ValidationTranslator;

/** A validation key (a schema's message) as text in the current locale. */
export const validationText = (key: string): string => issueText(validationT, { message: key });
/** A ZodError with its messages in the current locale. */
export const localisedZodError = (error: z.ZodError): z.ZodError => translateZodError(validationT, error);
