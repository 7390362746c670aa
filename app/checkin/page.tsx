import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { CheckinDesk, type DoorOption } from "~/app/checkin/desk";
import { requirePageRole } from "~/server/auth/guard";
import { formatZonedTime } from "~/server/programme/time";
import { zonedTimeToUtc } from "~/server/programme/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkinDesk");
  return { title: t("title") };
}

export default async function CheckinPage() {
  await requirePageRole("CHECKIN", "/checkin");
  const api = await serverApi();
  const [doors, t, format] = await Promise.all([api.checkin.doors(), getTranslations("checkinDesk"), getFormatter()]);
  const tz = doors.timeZone;
  const options: DoorOption[] = doors.days.flatMap((d) => {
    const day = format.dateTime(zonedTimeToUtc(d.day, "12:00", tz), {
      day: "numeric",
      month: "long",
      weekday: "short",
      timeZone: tz,
    });
    return [
      { door: d.entrance, label: t("entrance", { day }) },
      ...d.sessions.map((s) => ({
        door: s.door,
        label: `${day}, ${formatZonedTime(s.startsAt, tz)} — ${s.title}${s.room ? ` (${s.room})` : ""}`,
      })),
    ];
  });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      </header>
      <CheckinDesk doors={options} />
    </div>
  );
}
