/**
 * What a spreadsheet cell may start with: the one place where exports defuse formulas (CSV and
 * XLSX alike) and where imports undo it. Pure.
 *
 * Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (and some trim a leading tab, carriage return or line feed first), so a participant's name or a session's
 * description could otherwise call HYPERLINK, WEBSERVICE or DDE on an organiser's machine. Such a
 * cell gets a leading apostrophe, which every spreadsheet reads as "text follows".
 *
 * Not defused: plain numbers (`-5`, `-1,5`), which are data; and, in XLSX only, a telephone number
 * in international form (`+49 30 1234567`): digits, spaces, brackets and hyphens can name no
 * function and no cell, and an XLSX string cell is never evaluated, so Excel shows it as written.
 * Russian numbers never reach this rule: exports write them in the national form,
 * `8 (912) 345-67-89` (see server/account/phone.ts).
 *
 * Telephone cells (phoneCell): a CSV cell is typed by whatever opens it, and `+375 29 …` would be
 * run as a formula, while `'+375 29 …` shows the apostrophe (CSV has no "text" marker). So in CSV
 * an international number is written with its country code in brackets, `(+375) 29 123 45 67`:
 * it starts with a bracket (no formula, and not a number: it has spaces), keeps every digit, and
 * reads as people write it. In XLSX it stays `+375 29 123 45 67` in a string cell.
 */

export type CellFormat = "csv" | "xlsx";

const FORMULA_START = /^[=+\-@\t\r\n]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;
const INTERNATIONAL_PHONE = /^\+\d[\d ()-]{5,24}$/;

/** The text to write in a cell so that no spreadsheet runs it. */
export function defuseCell(value: string, format: CellFormat): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  if (format === "xlsx" && INTERNATIONAL_PHONE.test(value)) return value;
  return `'${value}`;
}

/** Undoes defuseCell when a file the platform exported comes back as an import. */
export function restoreCell(value: string): string {
  return /^'[=+\-@\t\r\n]/.test(value) ? value.slice(1) : value;
}

/** A telephone number (as server/account/phone.ts formats it) as a cell: readable, never a formula. */
export function phoneCell(formatted: string, format: CellFormat): string {
  if (format === "csv" && INTERNATIONAL_PHONE.test(formatted)) return formatted.replace(/^\+(\d+)\s*/, "(+$1) ");
  return defuseCell(formatted, format);
}
