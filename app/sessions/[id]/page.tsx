import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { BookingArea, SessionBooking } from "~/app/_components/booking/session-booking";
import { DemoBanner } from "~/app/_components/demo-banner";
import { MeetingSessionBlock } from "~/app/august-meeting/session-block";
import { orNotFound, serverApi } from "~/app/_trpc/server";
import { SessionDescription } from "~/app/sessions/[id]/description";
import { programmeQuery } from "~/server/programme/rules";
import { formatZonedTime, zonedDayKey, zoneLabel } from "~/server/programme/time";
import { OwnTime } from "~/app/_components/own-time";
import { SpeakerAvatar } from "~/app/_components/speaker-avatar";
import { ShareLink } from "~/app/sessions/[id]/share-link";
import { env } from "~/server/env";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const api = await serverApi();
  const session = await api.programme.session({ id }).catch(() => null);
  return { title: session?.title ?? "" };
}

export default async function SessionPage({ params }: Props) {
  const { id } = await params;
  const api = await serverApi();
  const [session, edition, t, format, bookingStatus, meeting] = await Promise.all([
    orNotFound(api.programme.session({ id })),
    api.programme.edition(),
    getTranslations(),
    getFormatter(),
    api.booking.status({ sessionIds: [id] }),
    api.meeting.forSession({ sessionId: id }),
  ]);
  // The August meeting: its time and room are for accredited delegates (and organisers) only.
  // The public data carries only the meeting's day; those allowed get the real time and room.
  const shown = session.timeHidden && meeting?.details ? { ...session, ...meeting.details } : session;
  const hideTimeAndRoom = session.timeHidden && !meeting?.details;
  const shareUrl = `${env.APP_URL.replace(/\/$/, "")}/sessions/${session.id}`;
  // How to get there: the public room only (the closed meeting's details carry name and floor).
  const directions = !hideTimeAndRoom && shown.room && "description" in shown.room ? shown.room : null;
  const tz = edition.timeZone;
  const day = zonedDayKey(session.startsAt, tz);
  const moderators = session.speakers.filter((s) => s.role === "MODERATOR");
  const speakers = session.speakers.filter((s) => s.role === "SPEAKER");
  const cancelled = session.status === "CANCELLED";

  return (
    <article>
      <DemoBanner show={session.isDemo} />
      <Link href={`/programme${programmeQuery({ day })}`} className="text-sm text-brand-700 hover:underline">
        {t("session.backToProgramme")}
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t(`formats.${session.format}`)}</span>
        {session.isClosed && <Badge tone="violet">{t("session.closed")}</Badge>}
        {cancelled && <Badge tone="red">{t("session.cancelled")}</Badge>}
      </div>
      <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">{session.title}</h1>
      {cancelled && <p className="mt-3 rounded-md bg-red-50 p-3 text-red-900">{t("session.cancelledNote")}</p>}
      {session.isClosed && (
        <p className="mt-3 rounded-md bg-violet-50 p-3 text-violet-900">{t("session.closedNote")}</p>
      )}

      <dl className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-500">{t("session.when")}</dt>
          <dd className="font-medium">
            {format.dateTime(session.startsAt, { day: "numeric", month: "long", weekday: "long", timeZone: tz })}
            {hideTimeAndRoom
              ? null
              : `, ${t("session.time", {
                  start: formatZonedTime(shown.startsAt, tz),
                  end: formatZonedTime(shown.endsAt, tz),
                  zone: zoneLabel(tz, shown.startsAt, t("booking.zoneMoscow")),
                })}`}
            {hideTimeAndRoom ? null : <OwnTime startsAt={shown.startsAt} endsAt={shown.endsAt} />}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("session.where")}</dt>
          <dd className="font-medium">
            {hideTimeAndRoom ? t("meeting.roomHidden") : shown.room ? shown.room.name : t("session.noRoom")}
            {!hideTimeAndRoom && shown.room?.floor ? (
              <span className="block font-normal">{t("sessionPage.floor", { floor: shown.room.floor })}</span>
            ) : null}
            <span className="block text-sm font-normal text-slate-600">
              {session.capacity === null ? t("session.noSeatLimit") : t("session.seats", { count: session.capacity })}
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("session.track")}</dt>
          <dd>
            {session.track ? (
              <Link
                href={`/programme${programmeQuery({ track: session.track.code })}`}
                aria-label={t("sessionPage.trackLink", { track: session.track.title })}
                className="inline-flex items-center gap-1.5 font-medium text-brand-700 underline"
              >
                <span
                  aria-hidden
                  className="inline-block h-2.5 w-2.5 rounded-full"
                  style={{ backgroundColor: session.track.color }}
                />
                {session.track.title}
              </Link>
            ) : (
              <span>{t("session.noTrack")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t("session.format")}</dt>
          <dd className="font-medium">{t(`formats.${session.format}`)}</dd>
        </div>
      </dl>

      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
        {!hideTimeAndRoom && (
          <a
            href={`/sessions/${session.id}/calendar.ics`}
            download
            className="self-start rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t("sessionPage.addToCalendar")}
          </a>
        )}
        <ShareLink
          url={shareUrl}
          title={session.title}
          labels={{
            label: t("sessionPage.shareLinkLabel"),
            share: t("sessionPage.share"),
            copy: t("sessionPage.copyLink"),
            copied: t("sessionPage.linkCopied"),
            copyFailed: t("sessionPage.copyFailed", { url: shareUrl }),
          }}
        />
      </div>

      {directions && (directions.description || directions.mapUrl) ? (
        <section
          className="mt-4 max-w-3xl rounded-lg border border-slate-200 bg-white p-4"
          aria-labelledby="directions"
        >
          <h2 id="directions" className="text-lg font-bold">
            {t("sessionPage.directions")}
          </h2>
          {directions.description && <SessionDescription text={directions.description} />}
          {directions.mapUrl && (
            <p className="mt-3">
              <a href={directions.mapUrl} rel="noopener noreferrer" className="text-brand-700 underline">
                {t("sessionPage.map")}
              </a>
            </p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="booking-heading" className="mt-4 rounded-lg border border-slate-200 bg-white px-4 pb-4">
        <h2 id="booking-heading" className="sr-only">
          {t("booking.sectionLabel")}
        </h2>
        <BookingArea status={bookingStatus} returnTo={`/sessions/${session.id}`}>
          <SessionBooking
            status={bookingStatus}
            sessionId={session.id}
            title={session.title}
            returnTo={`/sessions/${session.id}`}
            showAlternatives
          />
        </BookingArea>
      </section>
      {meeting && <MeetingSessionBlock view={meeting} />}

      {session.description && (
        <section className="mt-8 max-w-3xl" aria-labelledby="about">
          <h2 id="about" className="text-lg font-bold">
            {t("session.description")}
          </h2>
          <SessionDescription text={session.description} />
        </section>
      )}

      <PeopleList title={t(moderators.length > 1 ? "session.moderators" : "session.moderator")} people={moderators} />
      <PeopleList title={t("session.speakers")} people={speakers} />
      {session.speakers.length === 0 && <p className="mt-8 text-slate-600">{t("session.noSpeakers")}</p>}
    </article>
  );
}

type Person = {
  speaker: { id: string; fullName: string; position: string; organisation: string; photo: { hash: string } | null };
};

function PeopleList({ title, people }: { title: string; people: Person[] }) {
  if (people.length === 0) return null;
  return (
    <section className="mt-8" aria-label={title}>
      <h2 className="text-lg font-bold">{title}</h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {people.map(({ speaker }) => (
          <li key={speaker.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3">
            <SpeakerAvatar speaker={speaker} size="small" />
            <div className="min-w-0">
              <Link href={`/speakers/${speaker.id}`} className="font-semibold text-brand-700 hover:underline">
                {speaker.fullName}
              </Link>
              <p className="text-sm text-slate-600">
                {[speaker.position, speaker.organisation].filter(Boolean).join(", ")}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
