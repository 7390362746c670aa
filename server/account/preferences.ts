/**
 * A person's language and own time zone: the schema the /preferences route and the tRPC
 * procedure share, and the service that stores them for a signed-in person (guests keep them
 * in the `lang` and `tz` cookies, which the guest page cache varies on).
 */
import { z } from "zod";
import type { SessionUser } from "~/server/auth/roles";
import { forgetCachedSessions } from "~/server/auth/session-cache";
import type { Db } from "~/server/db/client";
import { locales } from "~/server/i18n/config";

/** A zone this runtime knows (IANA name); Moscow itself means "Moscow time only". */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(value) || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
export const preferencesInput = z.object({
  locale: z.enum(locales, { error: "localeInvalid" }).optional(),
  /** "" turns the second time off (Moscow time only). */
  timeZone: z
    .string()
    .trim()
    .max(64, "timeZoneInvalid")
    .refine((v) => v === "" || isTimeZone(v), "timeZoneInvalid")
    .optional(),
});
export type PreferencesInput = z.output<typeof preferencesInput>;

export async function setPreferences({ db, actor, input }: { db: Db; actor: SessionUser; input: PreferencesInput }) {
  const data = {
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.timeZone !== undefined ? { timeZone: input.timeZone || null } : {}),
  };
  const saved = await db.user.update({
    where: { id: actor.id },
    data,
    select: { locale: true, timeZone: true },
  });
  // The session cache holds the locale: the next page must already speak the new language.
  forgetCachedSessions();
  return saved;
}
