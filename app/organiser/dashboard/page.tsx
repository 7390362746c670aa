import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { LiveRefresh } from "~/app/organiser/dashboard/client";
import { ChartFigure, NumbersTable } from "~/app/organiser/dashboard/figure";
import { requirePageRole } from "~/server/auth/guard";
import { TOP } from "~/server/dashboard/service";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";
import { formatZonedTime, zonedDayKey, zonedTimeToUtc } from "~/server/programme/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

const REFRESH_SECONDS = 20;
const BLUE = "#1d4ed8";
const TEAL = "#0f766e";
const AMBER = "#b45309";
const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function DashboardPage() {
  // Layouts and pages render in parallel: the page checks the role itself too.
  const me = await requirePageRole("ORGANISER", "/organiser/dashboard");
  if ((await trackScope(await getDb(), me)) !== "all") forbidden();
  const api = await serverApi();
  const [data, t, tc, td, format] = await Promise.all([
    api.dashboard.live(),
    getTranslations("dashboard"),
    getTranslations("categories"),
    getTranslations("meetingDistricts"),
    getFormatter(),
  ]);

  const header = (
    <header>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <nav aria-label={t("title")} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/organiser" className="text-brand-700 underline">
          {t("home")}
        </Link>
        <Link href="/organiser/feedback" className="text-brand-700 underline">
          {t("feedbackLink")}
        </Link>
      </nav>
    </header>
  );
  if (!data) {
    return (
      <div className="space-y-4">
        {header}
        <p className="text-slate-700">{t("noEdition")}</p>
      </div>
    );
  }

  const tz = data.edition.timeZone;
  const dayLabel = (day: string) =>
    format.dateTime(zonedTimeToUtc(day, "12:00", tz), { day: "numeric", month: "short", timeZone: tz });
  const percent = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const sessionLabel = (s: { title: string; startsAt: Date }) =>
    `${dayLabel(zonedDayKey(s.startsAt, tz))} ${formatZonedTime(s.startsAt, tz)} · ${s.title}`;
  const texts = (title: string) => ({ tableData: t("tableData"), chartLabel: t("chartLabel", { title }) });
  const r = data.registrations;

  const perDayRows = r.perDay.map(
    (d, i) => [dayLabel(d.day), d.n, r.perDay.slice(0, i + 1).reduce((sum, x) => sum + x.n, 0)] as const,
  );
  const districtRows = [
    ...r.byDistrict.map((d) => [td(d.district), d.n] as const),
    ...(r.noRegion > 0 ? [[t("noRegion"), r.noRegion] as const] : []),
  ];
  const topRegions = r.byRegion.slice(0, TOP);
  const categoryRows = r.byCategory.map((c) => [tc(c.category), c.n] as const);

  const bookable = data.sessions.filter((s) => s.bookingRequired);
  const fullest = bookable
    .filter((s) => s.fill !== null && (s.booked > 0 || s.waitlist > 0))
    .sort((a, b) => (b.fill ?? 0) - (a.fill ?? 0) || b.waitlist - a.waitlist)
    .slice(0, TOP);
  const today = data.checkinsToday;
  const doorLabel = (d: (typeof today.doors)[number]) =>
    d.kind === "entrance" ? t("entranceOf", { day: dayLabel(d.label) }) : d.label;
  const fb = data.feedback;
  const trackTitle = (title: string | null) => title ?? t("noTrack");

  const figures = [
    ["active", t("active"), r.active],
    ["confirmed", t("confirmed"), r.confirmed],
    ["pending", t("pending"), r.pending],
    ["cancelled", t("cancelled"), r.cancelled],
  ] as const;
  const todayFigures = [
    ["checkins-total", t("checkinsTotal"), today.entrance + today.sessions],
    ["checkins-entrance", t("entranceToday"), today.entrance],
    ["checkins-sessions", t("sessionsToday"), today.sessions],
  ] as const;

  return (
    <div className="space-y-8">
      {header}
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <p>
          {t("lead")}{" "}
          <span data-testid="dashboard-updated">
            {t("updated", {
              time: format.dateTime(data.generatedAt, {
                hour: "2-digit",
                minute: "2-digit",
                second: "2-digit",
                timeZone: tz,
              }),
            })}
          </span>
        </p>
        <LiveRefresh seconds={REFRESH_SECONDS} label={t("refresh")} pendingLabel={t("refreshing")} />
      </div>

      <section aria-labelledby="registrations" className="space-y-4">
        <h2 id="registrations" className="text-xl font-bold">
          {t("registrations")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map(([key, label, value]) => (
            <div key={key} className={card}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`figure-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure
            id="chart-per-day"
            title={t("perDay")}
            spec={{
              type: "bar",
              labels: perDayRows.map((row) => row[0]),
              series: [{ label: t("count"), data: perDayRows.map((row) => row[1]), color: BLUE }],
            }}
            table={{ head: [t("day"), t("count"), t("cumulative")], rows: perDayRows }}
            empty={t("registrationsEmpty")}
            texts={texts(t("perDay"))}
          />
          <ChartFigure
            id="chart-districts"
            title={t("byDistrict")}
            spec={{
              type: "bar",
              horizontal: true,
              labels: districtRows.map((row) => row[0]),
              series: [{ label: t("count"), data: districtRows.map((row) => row[1]), color: TEAL }],
            }}
            table={{ head: [t("district"), t("count")], rows: r.active === 0 ? [] : districtRows }}
            empty={t("registrationsEmpty")}
            texts={texts(t("byDistrict"))}
          />
          <div className="min-w-0">
            <ChartFigure
              id="chart-regions"
              title={t("byRegion", { top: TOP })}
              spec={{
                type: "bar",
                horizontal: true,
                labels: topRegions.map((x) => x.name),
                series: [{ label: t("count"), data: topRegions.map((x) => x.n), color: BLUE }],
              }}
              table={{ head: [t("region"), t("count")], rows: topRegions.map((x) => [x.name, x.n]) }}
              empty={t("registrationsEmpty")}
              texts={texts(t("byRegion", { top: TOP }))}
            />
            {r.byRegion.length > 0 && (
              <details className={`${card} mt-2`}>
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("allRegions")}</summary>
                <NumbersTable
                  caption={t("allRegions")}
                  table={{
                    head: [t("region"), t("district"), t("count")],
                    rows: [
                      ...r.byRegion.map((x) => [x.name, td(x.district), x.n]),
                      ...(r.noRegion > 0 ? [[t("noRegion"), "—", r.noRegion]] : []),
                    ],
                  }}
                />
              </details>
            )}
          </div>
          <ChartFigure
            id="chart-categories"
            title={t("byCategory")}
            spec={{
              type: "bar",
              horizontal: true,
              labels: categoryRows.map((row) => row[0]),
              series: [{ label: t("count"), data: categoryRows.map((row) => row[1]), color: AMBER }],
            }}
            table={{ head: [t("category"), t("count")], rows: categoryRows }}
            empty={t("registrationsEmpty")}
            texts={texts(t("byCategory"))}
          />
        </div>
      </section>

      <section aria-labelledby="checkins-today" className="space-y-4">
        <h2 id="checkins-today" className="text-xl font-bold">
          {t("checkinsToday")}
        </h2>
        <p className="text-sm text-slate-600">{t("checkinsTodayLead", { day: dayLabel(today.day) })}</p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {todayFigures.map(([key, label, value]) => (
            <div key={key} className={card}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`figure-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {today.doors.length === 0 ? (
          <p className="text-sm text-slate-600">{t("checkinsEmpty")}</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <ChartFigure
              id="chart-hours"
              title={t("byHour")}
              spec={{
                type: "bar",
                stacked: true,
                labels: today.byHour.map((h) => `${String(h.hour).padStart(2, "0")}:00`),
                series: [
                  { label: t("entrance"), data: today.byHour.map((h) => h.entrance), color: BLUE },
                  { label: t("sessionDoors"), data: today.byHour.map((h) => h.sessions), color: TEAL },
                ],
              }}
              table={{
                head: [t("hour"), t("entrance"), t("sessionDoors")],
                rows: today.byHour.map((h) => [`${String(h.hour).padStart(2, "0")}:00`, h.entrance, h.sessions]),
              }}
              empty={t("checkinsEmpty")}
              texts={texts(t("byHour"))}
            />
            <div className={`${card} min-w-0`}>
              <NumbersTable
                caption={t("doorsToday")}
                table={{ head: [t("door"), t("admitted")], rows: today.doors.map((d) => [doorLabel(d), d.admitted]) }}
              />
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="sessions" className="space-y-4">
        <h2 id="sessions" className="text-xl font-bold">
          {t("sessions")}
        </h2>
        <p className="text-sm text-slate-600">{t("sessionsLead")}</p>
        {bookable.length === 0 ? (
          <p className="text-sm text-slate-600">{t("sessionsEmpty")}</p>
        ) : (
          <>
            <ChartFigure
              id="chart-fullest"
              title={t("fullest", { top: TOP })}
              spec={{
                type: "bar",
                horizontal: true,
                max: 100,
                percent: true,
                labels: fullest.map((s) => s.title),
                series: [
                  { label: t("fill"), data: fullest.map((s) => Math.round((s.fill ?? 0) * 1000) / 10), color: BLUE },
                ],
              }}
              table={{
                head: [t("session"), t("booked"), t("capacity"), t("waitlist"), t("fill")],
                rows: fullest.map((s) => [s.title, s.booked, s.capacity ?? "—", s.waitlist, percent(s.fill)]),
              }}
              empty={t("topEmpty")}
              texts={texts(t("fullest", { top: TOP }))}
            />
            <details className={card}>
              <summary className="cursor-pointer font-semibold">{t("allSessions")}</summary>
              <NumbersTable
                caption={t("allSessions")}
                captionHidden
                table={{
                  head: [t("session"), t("track"), t("booked"), t("capacity"), t("waitlist"), t("fill"), t("admitted")],
                  rows: bookable.map((s) => [
                    sessionLabel(s),
                    s.track ?? "—",
                    s.booked,
                    s.capacity ?? t("noLimit"),
                    s.waitlist,
                    percent(s.fill),
                    s.admitted,
                  ]),
                }}
              />
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="top" className="space-y-4">
        <h2 id="top" className="text-xl font-bold">
          {t("top")}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure
            id="chart-top-bookings"
            title={t("topByBookings")}
            spec={{
              type: "bar",
              horizontal: true,
              labels: data.top.byBookings.map((s) => s.title),
              series: [{ label: t("booked"), data: data.top.byBookings.map((s) => s.booked), color: BLUE }],
            }}
            table={{
              head: [t("session"), t("booked")],
              rows: data.top.byBookings.map((s) => [s.title, s.booked]),
            }}
            empty={t("topEmpty")}
            texts={texts(t("topByBookings"))}
          />
          <ChartFigure
            id="chart-top-admissions"
            title={t("topByAdmissions")}
            spec={{
              type: "bar",
              horizontal: true,
              labels: data.top.byAdmissions.map((s) => s.title),
              series: [{ label: t("admitted"), data: data.top.byAdmissions.map((s) => s.admitted), color: TEAL }],
            }}
            table={{
              head: [t("session"), t("admitted")],
              rows: data.top.byAdmissions.map((s) => [s.title, s.admitted]),
            }}
            empty={t("topEmpty")}
            texts={texts(t("topByAdmissions"))}
          />
        </div>
      </section>

      <section aria-labelledby="feedback" className="space-y-4">
        <h2 id="feedback" className="text-xl font-bold">
          {t("feedback")}
        </h2>
        <p className="text-sm">
          <Link href="/organiser/feedback" className="text-brand-700 underline">
            {t("feedbackLink")}
          </Link>
        </p>
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFigure
            id="chart-feedback-tracks"
            title={t("feedbackByTrack")}
            spec={{
              type: "bar",
              horizontal: true,
              max: 5,
              labels: fb.tracks.map((x) => trackTitle(x.title)),
              series: [{ label: t("average"), data: fb.tracks.map((x) => x.average), color: AMBER }],
            }}
            table={{
              head: [t("track"), t("average"), t("ratings")],
              rows: fb.tracks.map((x) => [trackTitle(x.title), format.number(x.average), x.n]),
            }}
            empty={t("feedbackEmpty")}
            texts={texts(t("feedbackByTrack"))}
          />
          <ChartFigure
            id="chart-feedback-sessions"
            title={t("feedbackBySession")}
            spec={{
              type: "bar",
              horizontal: true,
              max: 5,
              labels: fb.sessions.map((s) => s.title),
              series: [{ label: t("average"), data: fb.sessions.map((s) => s.average), color: AMBER }],
            }}
            table={{
              head: [t("session"), t("average"), t("ratings")],
              rows: fb.sessions.map((s) => [s.title, format.number(s.average), s.n]),
            }}
            empty={t("feedbackEmpty")}
            texts={texts(t("feedbackBySession"))}
          />
        </div>
      </section>
    </div>
  );
}
