import { getFormatter, getTranslations } from "next-intl/server";
import type { MeetingView } from "~/server/meeting/service";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";

type Details = NonNullable<MeetingView["details"]>;

/** Time, room and materials: rendered only from `details`, which only accredited delegates and organisers get. */
export async function MeetingDetails({ details, timeZone }: { details: Details; timeZone: string }) {
  const [t, tb, format] = await Promise.all([getTranslations("meeting"), getTranslations("booking"), getFormatter()]);
  return (
    <section
      aria-labelledby="meeting-details"
      className="mt-6 rounded-lg border border-green-300 bg-green-50 p-4 text-green-950"
    >
      <h2 id="meeting-details" className="text-lg font-bold">
        {t("detailsTitle")}
      </h2>
      <p className="text-sm">{t("detailsLead")}</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-sm">{t("when")}</dt>
          <dd className="font-semibold">
            {format.dateTime(details.startsAt, { day: "numeric", month: "long", weekday: "long", timeZone })},{" "}
            {formatZonedTime(details.startsAt, timeZone)}–{formatZonedTime(details.endsAt, timeZone)}{" "}
            {zoneLabel(timeZone, details.startsAt, tb("zoneMoscow"))}
          </dd>
        </div>
        <div>
          <dt className="text-sm">{t("where")}</dt>
          <dd className="font-semibold">
            {details.room ? [details.room.name, details.room.floor].filter(Boolean).join(", ") : t("roomTbd")}
          </dd>
        </div>
      </dl>
      <h3 className="mt-4 font-bold">{t("materialsTitle")}</h3>
      {details.materials.trim() ? (
        <div className="mt-1 whitespace-pre-line text-sm">{details.materials}</div>
      ) : (
        <p className="mt-1 text-sm">{t("materialsNone")}</p>
      )}
    </section>
  );
}
