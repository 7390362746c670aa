/**
 * Which new passwords are refused: the most common ones (zxcvbn-ts' list of common passwords
 * and its estimate of how fast a guesser finds them) and ones containing the account's email.
 * Pure: no database, no I/O. Checked by the schema (common passwords, the email on the
 * registration form) and by the service (the email of the reset or changed account).
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/** zxcvbn score 0–4; below 3 means "guessable in under ~10⁸ attempts" (common words, patterns). */
export const MIN_PASSWORD_SCORE = 3;

/** Keys of the "validation" namespace (messages are translated where shown: server/i18n/validation.ts). */
export const PASSWORD_TOO_COMMON = "passwordTooCommon";
export const PASSWORD_CONTAINS_EMAIL = "passwordContainsEmail";

let zxcvbn: ZxcvbnFactory | undefined;
const checker = () => (zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

/** The password contains the whole email or its local part (when that part has 4+ characters). */
export function containsEmail(password: string, email: string): boolean {
  const pw = password.toLowerCase();
  const address = email.trim().toLowerCase();
  if (!address) return false;
  if (pw.includes(address)) return true;
  const local = address.split("@")[0] ?? "";
  return local.length >= 4 && pw.includes(local);
}

export function isCommonPassword(password: string): boolean {
  return checker().check(password).score < MIN_PASSWORD_SCORE;
}

/** The reason a new password is refused (a validation key), or null. */
export function passwordProblem(password: string, email?: string): string | null {
  if (email && containsEmail(password, email)) return PASSWORD_CONTAINS_EMAIL;
  if (isCommonPassword(password)) return PASSWORD_TOO_COMMON;
  return null;
}
