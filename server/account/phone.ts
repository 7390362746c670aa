/**
 * Telephone numbers through libphonenumber-js (Google's libphonenumber metadata): stored in
 * E.164 (`+79101234567`), shown in the national form for Russian numbers (`8 (910) 123-45-67`)
 * and in the international form for others (`+375 29 123 45 67`). Pure; safe in the browser too.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** Digits, spaces, brackets, dots, hyphens and one leading "+": nothing else (no "доб. 5", no letters). */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/;

/**
 * E.164 for a number a person typed, or null when it is not a valid number. Without "+" the
 * number is read as Russian ("8 (910) 123-45-67", "7 910 123-45-67", "9101234567", "495 123-45-67");
 * other countries are written with "+" and the country code.
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!PHONE_CHARACTERS.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, "RU");
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * A stored number as people read it. Numbers with the code +7 (Russia, Kazakhstan) in the national
 * form, which starts with 8 and so is also safe in a spreadsheet; others in the international form.
 * A value that does not parse (an old or anonymised one) is shown as stored.
 */
export function formatPhone(stored: string | null | undefined): string {
  const value = stored?.trim() ?? "";
  if (!value) return "";
  const parsed = parsePhoneNumberFromString(value, "RU");
  if (!parsed?.isValid()) return value;
  return parsed.countryCallingCode === "7" ? parsed.formatNational() : parsed.formatInternational();
}
