/** Registration rules that need no database. */
import type { ProfileFields } from "~/server/account/schema";

export const PARTICIPANT_CATEGORIES = [
  "COLLEGE_LEADERSHIP",
  "TEACHER",
  "STUDENT",
  "EMPLOYER",
  "REGIONAL_AUTHORITY",
  "EXPERT",
  "MEDIA",
  "INTERNATIONAL_GUEST",
  "OTHER",
] as const;
export type ParticipantCategoryValue = (typeof PARTICIPANT_CATEGORIES)[number];

export type WindowState =
  { state: "open" } | { state: "not-yet"; opensAt: Date } | { state: "closed"; closedAt: Date } | { state: "full" };

/** Whether registration is open now: its window and its cap. */
export function registrationWindow(
  edition: {
    registrationOpensAt: Date | null;
    registrationClosesAt: Date | null;
    registrationCap: number | null;
    registrationCount: number;
  },
  now: Date,
): WindowState {
  if (edition.registrationOpensAt && now < edition.registrationOpensAt) {
    return { state: "not-yet", opensAt: edition.registrationOpensAt };
  }
  if (edition.registrationClosesAt && now >= edition.registrationClosesAt) {
    return { state: "closed", closedAt: edition.registrationClosesAt };
  }
  if (edition.registrationCap !== null && edition.registrationCount >= edition.registrationCap)
    return { state: "full" };
  return { state: "open" };
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The version of the consent to personal-data processing (152-FZ) shown on the form (its text is
 * "registration.consentText" in the messages). Changing the text means a new version: the version and the time of consent are stored with each registration.
 */
export const CONSENT_VERSION = "2025-08-01";

/** The registration columns a profile form sets (registration and profile edits alike). */
export function profileData(input: ProfileFields) {
  return {
    surname: input.surname,
    firstName: input.firstName,
    patronymic: input.patronymic ?? null,
    phone: input.phone,
    regionId: input.regionId,
    organisation: input.organisation,
    position: input.position,
    category: input.category,
    cluster: input.cluster ?? null,
  };
}

/**
 * An address with most of its local part hidden, for mail that goes elsewhere than the address
 * itself: «ma•••@example.org». The domain stays, so the person recognises it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  const local = email.slice(0, at);
  const shown = local.length > 4 ? 2 : 1;
  return `${local.slice(0, shown)}•••${email.slice(at)}`;
}
