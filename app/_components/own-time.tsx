import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { isTimeZone } from "~/server/account/preferences";
import { getSessionUser } from "~/server/auth/session";
import { forumTimeZone, TIME_ZONE_COOKIE } from "~/server/i18n/config";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";

/**
 * The person's own zone, shown beside Moscow time: the profile's for a signed-in person, the
 * `tz` cookie's for a guest (the guest page cache varies on it); null for Moscow time only.
 */
export async function ownTimeZone(): Promise<string | null> {
  const user = await getSessionUser();
  const zone = user ? user.timeZone : (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return zone && zone !== forumTimeZone && isTimeZone(zone) ? zone : null;
}

/** «по вашему времени: 14:30–16:00 UTC+5» after a Moscow time, or nothing. */
export async function OwnTime({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  const zone = await ownTimeZone();
  if (!zone) return null;
  const t = await getTranslations("language");
  const time = `${formatZonedTime(startsAt, zone)}–${formatZonedTime(endsAt, zone)}`;
  return (
    <span className="font-normal text-slate-500" data-testid="own-time">
      {" "}
      ({t("localTime", { time, zone: zoneLabel(zone, startsAt, "MSK") })})
    </span>
  );
}
