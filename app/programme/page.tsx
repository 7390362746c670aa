import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoBanner } from "~/app/_components/demo-banner";
import { ProgrammeFiltersForm } from "~/app/programme/filters-form";
import { BookingArea, SessionBooking } from "~/app/_components/booking/session-booking";
import { SessionCard } from "~/app/_components/session-card";
import { serverApi } from "~/app/_trpc/server";
import { groupBySlot, parseProgrammeFilters, programmeQuery } from "~/server/programme/rules";
import { Pager } from "~/app/_components/pager";
import { zonedDayKey, zonedTimeToUtc, zoneLabel } from "~/server/programme/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programme");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProgrammePage({ searchParams }: Props) {
  const api = await serverApi();
  const [edition, t, format] = await Promise.all([api.programme.edition(), getTranslations(), getFormatter()]);
  const tz = edition.timeZone;
  const params = await searchParams;
  const filters = parseProgrammeFilters(params, {
    days: edition.days,
    trackCodes: edition.tracks.map((tr) => tr.code),
    defaultDay: zonedDayKey(new Date(), tz),
  });
  const query = { track: filters.track ?? undefined, format: filters.format ?? undefined, q: filters.q || undefined };
  const filtered = Boolean(filters.track || filters.format || filters.q);
  const pageParam = typeof params.page === "string" ? params.page : undefined;
  const [{ sessions, total, page, pageCount }, dayCounts] = await Promise.all([
    api.programme.page({ ...query, day: filters.day, page: pageParam }),
    filtered ? api.programme.dayCounts(query) : Promise.resolve(null),
  ]);
  const hiddenTime = sessions.filter((s) => s.timeHidden);
  const slots = [
    ...(hiddenTime.length > 0
      ? [{ key: "closed", label: t("programme.closedOfDay"), startsAt: new Date(0), items: hiddenTime }]
      : []),
    ...groupBySlot(
      sessions.filter((s) => !s.timeHidden),
      tz,
    ),
  ];
  const sessionIds = sessions.map((s) => s.id);
  const bookingStatus = await api.booking.status({ sessionIds });
  const pageHref = (n: number) => {
    const q = programmeQuery(filters);
    return n > 1 ? `/programme${q}${q ? "&" : "?"}page=${n}` : `/programme${q}`;
  };
  const returnTo = page > 1 ? pageHref(page) : `/programme${programmeQuery(filters)}`;
  const trackTitle = filters.track ? edition.tracks.find((tr) => tr.code === filters.track)?.title : undefined;
  const dayLabel = (day: string) =>
    format.dateTime(zonedTimeToUtc(day, "12:00", tz), {
      day: "numeric",
      month: "long",
      weekday: "short",
      timeZone: tz,
    });

  return (
    <>
      <DemoBanner show={edition.isDemo} />
      <h1 className="text-2xl font-bold sm:text-3xl">{t("programme.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("programme.timeNote", { zone: zoneLabel(tz, edition.startsAt) })}
      </p>
      <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/programme/changes" className="text-brand-700 underline hover:text-brand-900">
          {t("changes.linkFromProgramme")}
        </Link>
        <a href="/programme.ics" className="text-brand-700 underline hover:text-brand-900" download>
          {t("booking.programmeIcs")}
        </a>
        {filters.track && trackTitle && (
          <a
            href={`/programme.ics?track=${encodeURIComponent(filters.track)}`}
            className="text-brand-700 underline hover:text-brand-900"
            download
          >
            {t("booking.trackIcs")}: {trackTitle}
          </a>
        )}
      </p>

      <nav aria-label={t("programme.days")} className="-mx-4 mt-5 overflow-x-auto px-4">
        <ul className="flex min-w-max gap-2">
          {edition.days.map((day) => {
            const current = day === filters.day;
            return (
              <li key={day}>
                <Link
                  href={`/programme${programmeQuery({ ...filters, day })}`}
                  aria-current={current ? "page" : undefined}
                  className={`block rounded-md border px-3 py-2 text-sm font-medium ${
                    current
                      ? "border-brand-700 bg-brand-700 text-white"
                      : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"
                  }`}
                >
                  {dayLabel(day)}
                  {dayCounts && <span className="ml-1 opacity-80">({dayCounts[day] ?? 0})</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ProgrammeFiltersForm
        filters={filters}
        tracks={edition.tracks.map((tr) => ({ code: tr.code, title: tr.title }))}
      />

      <p className="mt-6 text-sm text-slate-600" role="status">
        {t("programme.found", { count: total })}
        {filtered && (
          <>
            {" · "}
            <Link href={`/programme${programmeQuery({ day: filters.day })}`} className="text-brand-700 underline">
              {t("programme.reset")}
            </Link>
          </>
        )}
      </p>

      {slots.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="font-medium">{t("programme.empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("programme.emptyHint")}</p>
        </div>
      ) : (
        <BookingArea status={bookingStatus} returnTo={returnTo}>
          <div className="mt-4 space-y-8">
            {slots.map((slot) => (
              <section key={slot.key} aria-labelledby={`slot-${slot.key}`}>
                <h2
                  id={`slot-${slot.key}`}
                  className="sticky top-0 z-10 bg-slate-50/95 py-2 text-lg font-bold text-slate-800"
                >
                  {slot.label}
                  {slot.key !== "closed" && (
                    <span className="sr-only"> — {t("programme.slot", { time: slot.label })}</span>
                  )}
                </h2>
                <ul className="grid gap-3 md:grid-cols-2">
                  {slot.items.map((s) => (
                    <li key={s.id}>
                      <SessionCard session={s} timeZone={tz}>
                        <SessionBooking status={bookingStatus} sessionId={s.id} title={s.title} returnTo={returnTo} />
                      </SessionCard>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </BookingArea>
      )}
      <Pager page={page} pageCount={pageCount} href={pageHref} />
    </>
  );
}
