import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProgrammeNav, buttonPrimary, one } from "~/app/organiser/programme/_components/ui";
import { TimetableBoard, type Block } from "~/app/organiser/programme/timetable-board";
import { serverApi } from "~/app/_trpc/server";
import { requirePageRole } from "~/server/auth/guard";
import { formatZonedTime, zonedDayKey, zonedTimeToUtc } from "~/server/programme/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserProgramme");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const minutesOf = (date: Date, day: string, tz: string): number => {
  if (zonedDayKey(date, tz) !== day) return 24 * 60;
  const [h, m] = formatZonedTime(date, tz).split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The day's timetable: rooms as columns, time as rows; empty slots create, blocks move. */
export default async function OrganiserProgrammePage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/programme");
  const params = await searchParams;
  const api = await serverApi();
  const [workspace, t, format] = await Promise.all([
    api.programmeAdmin.workspace(),
    getTranslations("organiserProgramme"),
    getFormatter(),
  ]);
  const requested = one(params.day);
  const timetable = await api.programmeAdmin.timetable({
    day: workspace.days.includes(requested) ? requested : undefined,
  });
  const tz = timetable.timeZone;
  const day = timetable.day;
  const dayLabel = (d: string) =>
    format.dateTime(zonedTimeToUtc(d, "12:00", tz), { day: "numeric", month: "long", weekday: "short", timeZone: tz });
  const blocks: Block[] = timetable.sessions.map((s) => ({
    id: s.id,
    title: s.title,
    status: s.status,
    roomId: s.roomId,
    start: formatZonedTime(s.startsAt, tz),
    end: formatZonedTime(s.endsAt, tz),
    startMin: minutesOf(s.startsAt, day, tz),
    endMin: Math.max(minutesOf(s.endsAt, day, tz), minutesOf(s.startsAt, day, tz) + 15),
    color: s.track?.color ?? "#64748b",
    track: s.track?.title ?? null,
    people: s.speakers.map((p) => p.speaker.fullName),
    canEdit: s.canEdit,
  }));
  const scopeTracks =
    workspace.scope === "all" ? null : workspace.tracks.filter((tr) => workspace.scope.includes(tr.id));

  return (
    <section data-wide>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <ProgrammeNav current="timetable" />
      {scopeTracks && (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("scopeNote", { tracks: scopeTracks.map((tr) => `«${tr.title}»`).join(", ") })}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-bold">{t("timetable")}</h2>
        <Link href={`/organiser/programme/sessions/new?day=${day}`} className={buttonPrimary}>
          {t("newSession")}
        </Link>
      </div>
      <nav aria-label={t("days")} className="mt-3 overflow-x-auto">
        <ul className="flex min-w-max gap-2">
          {workspace.days.map((d) => (
            <li key={d}>
              <Link
                href={`/organiser/programme?day=${d}`}
                aria-current={d === day ? "page" : undefined}
                className={`block rounded-md border px-3 py-2 text-sm font-medium ${
                  d === day
                    ? "border-brand-700 bg-brand-700 text-white"
                    : "border-slate-300 bg-white hover:border-brand-600"
                }`}
              >
                {dayLabel(d)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-3 text-sm text-slate-600">{t("timetableHint")}</p>
      <TimetableBoard
        day={day}
        dayLabel={dayLabel(day)}
        days={workspace.days.map((d) => ({ value: d, label: dayLabel(d) }))}
        rooms={workspace.rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity }))}
        blocks={blocks}
      />
    </section>
  );
}
