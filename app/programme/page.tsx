import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoBanner } from "~/app/_components/demo-banner";
import { ProgrammeFiltersForm } from "~/app/programme/filters-form";
import { BookingArea, SessionBooking } from "~/app/_components/booking/session-booking";
import { SessionCard } from "~/app/_components/session-card";
import { serverApi } from "~/app/_trpc/server";
import { groupBySlot, parseProgrammeFilters, programmeQuery } from "~/server/programme/rules";
import { Pager } from "~/app/_components/pager";
import { zonedDayKey, zonedTimeToUtc, zoneLabel } from "~/server/programme/time";
import { forumNow } from "~/server/programme/clock";
import { nowAndNext } from "~/server/programme/grid";
import { resolveProgrammeView, VIEW_COOKIE, viewFromUrl } from "~/server/programme/view";
import { CompactView } from "~/app/programme/compact-view";
import { NowAndNextJump, ViewSwitch } from "~/app/programme/view-switch";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programme");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProgrammePage({ searchParams }: Props) {
  const api = await serverApi();
  const [edition, t, format] = await Promise.all([api.programme.edition(), getTranslations(), getFormatter()]);
  const tz = edition.timeZone;
  const [params, jar] = await Promise.all([searchParams, cookies()]);
  const now = forumNow();
  const today = zonedDayKey(now, tz);
  const filters = parseProgrammeFilters(params, {
    days: edition.days,
    trackCodes: edition.tracks.map((tr) => tr.code),
    defaultDay: today,
  });
  // The URL's ?view= wins over the remembered one; links on the page keep it while it is there.
  const view = resolveProgrammeView(params.view, jar.get(VIEW_COOKIE)?.value);
  const urlView = viewFromUrl(params.view);
  const withView = (q: string) => (urlView ? `${q}${q ? "&" : "?"}view=${urlView}` : q);
  const query = { track: filters.track ?? undefined, format: filters.format ?? undefined, q: filters.q || undefined };
  const filtered = Boolean(filters.track || filters.format || filters.q);
  // A search looks through all five days, its results grouped by day; other filters keep to the day.
  const searching = Boolean(filters.q);
  const pageParam = typeof params.page === "string" ? params.page : undefined;
  const [{ sessions, total, page, pageCount }, dayCounts] = await Promise.all([
    api.programme.page({ ...query, day: searching ? undefined : filters.day, page: pageParam }),
    filtered ? api.programme.dayCounts(query) : Promise.resolve(null),
  ]);
  const slotsOf = (items: typeof sessions, day: string) => {
    const hiddenTime = items.filter((s) => s.timeHidden);
    return [
      ...(hiddenTime.length > 0
        ? [{ key: `${day}-closed`, label: t("programme.closedOfDay"), startsAt: new Date(0), items: hiddenTime }]
        : []),
      ...groupBySlot(
        items.filter((s) => !s.timeHidden),
        tz,
      ),
    ];
  };
  const byDay = searching
    ? edition.days
        .map((day) => ({ day, items: sessions.filter((s) => zonedDayKey(s.startsAt, tz) === day) }))
        .filter((d) => d.items.length > 0)
        .map((d) => ({ day: d.day, slots: slotsOf(d.items, d.day) }))
    : [{ day: filters.day, slots: slotsOf(sessions, filters.day) }];
  const sessionIds = sessions.map((s) => s.id);
  // The compact view has no booking controls (a row links to the session page).
  const bookingStatus = await api.booking.status({ sessionIds: view === "cards" ? sessionIds : [] });
  const pageHref = (n: number) => {
    const q = withView(programmeQuery(filters));
    return n > 1 ? `/programme${q}${q ? "&" : "?"}page=${n}` : `/programme${q}`;
  };
  const returnTo = pageHref(page);
  // «Сейчас идёт / Далее»: on today's programme while the forum runs (not in a search of all days).
  const live = !searching && filters.day === today ? nowAndNext(sessions, now) : null;
  const runningIds = new Set(live?.running.map((s) => s.id));
  const nextIds = new Set(live?.next.map((s) => s.id));
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
      <DemoBanner show={edition.isDemo} back={returnTo} />
      <h1 className="text-2xl font-bold sm:text-3xl">{t("programme.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("programme.timeNote", { zone: zoneLabel(tz, edition.startsAt, t("booking.zoneMoscow")) })}
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

      <div className="mt-4">
        <ViewSwitch filters={filters} view={view} />
      </div>

      <nav aria-label={t("programme.days")} className="-mx-4 mt-4 overflow-x-auto px-4">
        <ul className="flex min-w-max gap-2">
          {edition.days.map((day) => {
            const current = !searching && day === filters.day;
            return (
              <li key={day}>
                <Link
                  href={searching ? `#day-${day}` : `/programme${withView(programmeQuery({ ...filters, day }))}`}
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

      {live && <NowAndNextJump state={live} timeZone={tz} />}

      <ProgrammeFiltersForm
        filters={filters}
        tracks={edition.tracks.map((tr) => ({ code: tr.code, title: tr.title }))}
        view={urlView}
      />

      <p className="mt-6 text-sm text-slate-600" role="status">
        {t("programme.found", { count: total })}
        {searching && <> {t("programme.foundAllDays")}</>}
        {filtered && (
          <>
            {" · "}
            <Link
              href={`/programme${withView(programmeQuery({ day: filters.day }))}`}
              className="text-brand-700 underline"
            >
              {t("programme.reset")}
            </Link>
          </>
        )}
      </p>

      {total === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="font-medium">{t(searching ? "programme.emptySearch" : "programme.empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("programme.emptyHint")}</p>
        </div>
      ) : view === "compact" ? (
        <div className="mt-4 space-y-10">
          {byDay.map(({ day, slots }) => (
            <section key={day} aria-labelledby={searching ? `day-${day}` : undefined}>
              {searching && (
                <h2 id={`day-${day}`} className="scroll-mt-4 border-b border-slate-300 pb-1 text-xl font-bold">
                  {dayLabel(day)}
                </h2>
              )}
              <CompactView
                day={day}
                sessions={slots.flatMap((slot) => slot.items)}
                timeZone={tz}
                running={runningIds}
                next={nextIds}
              />
            </section>
          ))}
        </div>
      ) : (
        <BookingArea status={bookingStatus} returnTo={returnTo}>
          <div className="mt-4 space-y-10">
            {byDay.map(({ day, slots }) => {
              const Slot = searching ? "h3" : "h2";
              return (
                <section key={day} aria-labelledby={searching ? `day-${day}` : undefined} className="space-y-8">
                  {searching && (
                    <h2 id={`day-${day}`} className="scroll-mt-4 border-b border-slate-300 pb-1 text-xl font-bold">
                      {dayLabel(day)}
                    </h2>
                  )}
                  {slots.map((slot) => (
                    <section key={slot.key} aria-labelledby={`slot-${slot.key}`}>
                      <Slot
                        id={`slot-${slot.key}`}
                        className="sticky top-0 z-10 bg-slate-50/95 py-2 text-lg font-bold text-slate-800"
                      >
                        {slot.label}{" "}
                        {slot.items.some((s) => runningIds.has(s.id)) ? (
                          <span className="ml-2 align-middle text-sm font-semibold text-amber-800">
                            {t("programmeViews.nowMark")}
                          </span>
                        ) : (
                          slot.items.some((s) => nextIds.has(s.id)) && (
                            <span className="ml-2 align-middle text-sm font-semibold text-amber-800">
                              {t("programmeViews.nextMark")}
                            </span>
                          )
                        )}
                        {!slot.key.endsWith("closed") && (
                          <span className="sr-only"> — {t("programme.slot", { time: slot.label })}</span>
                        )}
                      </Slot>
                      <ul className="grid gap-3 md:grid-cols-2">
                        {slot.items.map((s) => (
                          <li key={s.id}>
                            <SessionCard session={s} timeZone={tz}>
                              <SessionBooking
                                status={bookingStatus}
                                sessionId={s.id}
                                title={s.title}
                                returnTo={returnTo}
                              />
                            </SessionCard>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ))}
                </section>
              );
            })}
          </div>
        </BookingArea>
      )}
      <Pager page={page} pageCount={pageCount} href={pageHref} />
    </>
  );
}
