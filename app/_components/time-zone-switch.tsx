import { getTranslations } from "next-intl/server";
import { DetectTimeZone } from "~/app/_components/detect-time-zone";
import { ownTimeZone } from "~/app/_components/own-time";
import { zoneLabel } from "~/server/programme/time";

/** The zones of Russia's regions, west to east, and a few of the forum's foreign guests. */
const ZONES = [
  "Europe/Kaliningrad",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
  "Europe/Minsk",
  "Asia/Almaty",
  "Asia/Tashkent",
  "Asia/Shanghai",
  "Asia/Kolkata",
  "Europe/Berlin",
  "Europe/London",
];

/**
 * Moscow time stays first and named; this switch adds the person's own time beside it (a plain
 * form to /preferences: the `tz` cookie for guests, the profile for signed-in people). The
 * browser's zone is preselected when JavaScript runs.
 */
export async function TimeZoneSwitch() {
  const [zone, t, tb] = await Promise.all([ownTimeZone(), getTranslations("language"), getTranslations("booking")]);
  const now = new Date();
  if (zone) {
    return (
      <form action="/preferences" method="post" className="flex flex-wrap items-center gap-2">
        <span>
          {t("timeZoneLabel")}: {zone} ({zoneLabel(zone, now, tb("zoneMoscow"))})
        </span>
        <input type="hidden" name="timeZone" value="" />
        <button type="submit" className="underline underline-offset-2 hover:text-brand-700">
          {t("showMoscowOnly")}
        </button>
      </form>
    );
  }
  return (
    <form action="/preferences" method="post" className="flex flex-wrap items-center gap-2">
      <label htmlFor="own-time-zone">{t("timeZoneLabel")}</label>
      <select id="own-time-zone" name="timeZone" className="rounded border border-slate-300 px-1 py-0.5">
        {ZONES.map((z) => (
          <option key={z} value={z}>
            {zoneLabel(z, now, tb("zoneMoscow"))} — {z.split("/")[1]!.replace(/_/g, " ")}
          </option>
        ))}
      </select>
      <button type="submit" className="underline underline-offset-2 hover:text-brand-700">
        {t("showLocal")}
      </button>
      <DetectTimeZone selectId="own-time-zone" />
    </form>
  );
}
