import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, TrackLabel } from "~/app/_components/badges";
import { serverApi } from "~/app/_trpc/server";
import { AugustApplication } from "~/app/my/august-application";
import { CalendarFeedPanel } from "~/app/my/calendar-feed";
import { CalendarStarsChoice } from "~/app/my/calendar-stars";
import { ScheduleItemActions } from "~/app/my/schedule-item-actions";
import { TicketCard } from "~/app/my/ticket-card";
import { CertificateCard } from "~/app/my/certificate-card";
import { FeedbackCard } from "~/app/my/feedback-card";
import { getSessionUser } from "~/server/auth/session";
import type { ScheduleItem } from "~/server/booking/queries";
import { formatZonedTime, zonedTimeToUtc, zoneLabel } from "~/server/programme/time";
import { OwnTime } from "~/app/_components/own-time";
import type { ScheduleClash } from "~/server/booking/queries";
import { dayTimeline } from "~/server/booking/timeline";
import { clashPath } from "~/server/booking/rules";

/** Free time shorter than this between two items is not worth a line. */
const MIN_GAP_MINUTES = 15;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("my");
  return { title: t("title") };
}

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function MyProgrammePage() {
  if (!(await getSessionUser())) redirect("/signin?next=/my");
  const api = await serverApi();
  const [schedule, feed, t, tb, format] = await Promise.all([
    api.booking.mySchedule(),
    api.booking.calendarFeed(),
    getTranslations("my"),
    getTranslations("booking"),
    getFormatter(),
  ]);
  const tz = schedule.timeZone;
  const items = schedule.days.flatMap((d) => d.items);
  const { clashCount } = schedule;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        {items.length > 0 && (
          <p className="mt-2 text-sm text-slate-700">
            {summaryParts(items, t).join(", ")}
            {clashCount > 0 && (
              <span className="ml-2 font-medium text-amber-800">· {t("clashCount", { count: clashCount })}</span>
            )}
          </p>
        )}
      </header>
      <TicketCard />
      <CertificateCard />
      <FeedbackCard />
      <AugustApplication />

      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
          <Link
            href="/programme"
            className="mt-4 inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
          >
            {t("toProgramme")}
          </Link>
        </div>
      ) : (
        schedule.days.map(({ day, items: dayItems, clashes }) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`} className="text-lg font-bold text-slate-800">
              {format.dateTime(zonedTimeToUtc(day, "12:00", tz), {
                day: "numeric",
                month: "long",
                weekday: "long",
                timeZone: tz,
              })}
            </h2>
            <DayClashes pairs={clashes} day={day} timeZone={tz} t={t} />
            <ol className="mt-3 space-y-3" aria-label={t("timelineLabel")}>
              {dayTimeline(dayItems, (i) => (i.session.status === "CANCELLED" ? null : i.session)).map((entry) =>
                entry.kind === "gap" ? (
                  entry.minutes >= MIN_GAP_MINUTES && (
                    <li
                      key={`gap-${entry.from.toISOString()}`}
                      data-my-gap
                      className="rounded-md border border-dashed border-slate-300 px-4 py-2 text-sm text-slate-600"
                    >
                      {t("gap", {
                        duration: duration(entry.minutes, t),
                        from: formatZonedTime(entry.from, tz),
                        to: formatZonedTime(entry.to, tz),
                      })}
                    </li>
                  )
                ) : (
                  <li key={entry.item.session.id}>
                    <ScheduleCard item={entry.item} timeZone={tz} moscow={tb("zoneMoscow")} t={t} />
                  </li>
                ),
              )}
            </ol>
          </section>
        ))
      )}

      <section aria-labelledby="calendar" className={card}>
        <h2 id="calendar" className="text-lg font-bold">
          {t("calendarTitle")}
        </h2>
        <p className="mt-2">
          <a href="/my/schedule.ics" download className="font-medium text-brand-700 underline hover:text-brand-900">
            {t("download")}
          </a>
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("downloadHint")}</p>
        <CalendarStarsChoice initial={feed.stars} />
        <CalendarFeedPanel initialUrl={feed.url} />
        <p className="mt-4 text-sm">
          <a href="/programme.ics" download className="text-brand-700 underline hover:text-brand-900">
            {tb("programmeIcs")}
          </a>
        </p>
      </section>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"my">>>;

/** «1 ч 20 мин», «40 мин». */
function duration(minutes: number, t: T): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? t("hoursMinutes", { h, m }) : h ? t("hours", { h }) : t("minutes", { m });
}

/** A day's clashes between seats, pair by pair: which two, for how long, and where to look for another. */
function DayClashes({ pairs, day, timeZone, t }: { pairs: ScheduleClash[]; day: string; timeZone: string; t: T }) {
  if (pairs.length === 0) return null;
  return (
    <ul className="mt-3 space-y-2" aria-label={t("clashesLabel")}>
      {pairs.map(({ a, b, minutes, from, to }) => {
        return (
          <li
            key={`${a.id}-${b.id}`}
            data-my-clash
            className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          >
            <p className="font-medium">
              ⚠{" "}
              {t("clashPair", {
                a: a.title,
                b: b.title,
                duration: duration(minutes, t),
                from: formatZonedTime(from, timeZone),
                to: formatZonedTime(to, timeZone),
              })}
            </p>
            <p className="mt-1">
              {t("clashAdvice")}{" "}
              <Link href={clashPath(a.id, b.id)} className="font-medium text-brand-700 underline hover:text-brand-900">
                {t("clashChoose")}
              </Link>
              {" · "}
              <Link
                href={`/programme?day=${day}`}
                className="font-medium text-brand-700 underline hover:text-brand-900"
              >
                {t("clashAlternatives")}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** "1 booking, 2 waitlists, 3 starred", leaving out what is zero. */
function summaryParts(items: ScheduleItem[], t: T): string[] {
  const booked = items.filter((i) => i.booked).length;
  const waitlisted = items.filter((i) => i.waitlistPosition !== null).length;
  const starred = items.filter((i) => i.starred).length;
  return [
    booked ? t("summaryBooked", { count: booked }) : "",
    waitlisted ? t("summaryWaitlisted", { count: waitlisted }) : "",
    starred ? t("summaryStarred", { count: starred }) : "",
  ].filter(Boolean);
}

function ScheduleCard({ item, timeZone, moscow, t }: { item: ScheduleItem; timeZone: string; moscow: string; t: T }) {
  const s = item.session;
  const cancelled = s.status === "CANCELLED";
  const clash = item.clashesWith.length > 0;
  return (
    <article
      aria-labelledby={`my-${s.id}`}
      data-my-item={s.id}
      className={`rounded-lg border bg-white p-4 pl-5 shadow-sm ${clash ? "border-amber-400 ring-2 ring-amber-200" : "border-slate-200"}`}
      style={{ borderLeft: `5px solid ${s.track?.color ?? "#64748b"}` }}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <span className="font-medium text-slate-800">
          {formatZonedTime(s.startsAt, timeZone)}–{formatZonedTime(s.endsAt, timeZone)}{" "}
          {zoneLabel(timeZone, s.startsAt, moscow)}
          <OwnTime startsAt={s.startsAt} endsAt={s.endsAt} />
        </span>
        {item.booked && <Badge tone="slate">{t("booked")}</Badge>}
        {item.waitlistPosition !== null && (
          <Badge tone="amber">{t("waitlisted", { position: item.waitlistPosition })}</Badge>
        )}
        {item.starred && <Badge tone="violet">{t("starred")}</Badge>}
        {cancelled && <Badge tone="red">{t("cancelledSession")}</Badge>}
      </div>
      <h3 id={`my-${s.id}`} className={`mt-1 font-semibold ${cancelled ? "line-through" : ""}`}>
        <Link href={`/sessions/${s.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
          {s.title}
        </Link>
      </h3>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        <TrackLabel track={s.track} fallback="" />
        {s.room && <span>{s.room.name}</span>}
      </div>
      {clash && (
        <p className="mt-2 text-sm font-medium text-amber-900">
          ⚠ {t("clashWith", { titles: item.clashesWith.map((c) => `«${c.title}»`).join(", ") })}
        </p>
      )}
      <ScheduleItemActions
        sessionId={s.id}
        title={s.title}
        booked={item.booked}
        waitlisted={item.waitlistPosition !== null}
        starred={item.starred}
      />
    </article>
  );
}
