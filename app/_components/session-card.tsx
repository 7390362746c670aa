import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { OwnTime } from "~/app/_components/own-time";
import { formatZonedTime, zonedDayKey, zoneLabel } from "~/server/programme/time";
import type { SessionCard as SessionCardData } from "~/server/programme/service";
import { Badge, TrackLabel } from "~/app/_components/badges";
import { programmeQuery } from "~/server/programme/rules";

type Props = {
  session: SessionCardData;
  timeZone: string;
  /** Show the date too (speaker pages list several days). */
  dayLabel?: string;
  /** Booking controls (seats left, buttons), placed at the bottom of the card. */
  children?: ReactNode;
};

/** Speakers named on a card; the session page lists them all. */
const CARD_SPEAKERS = 2;

/**
 * A session in a list. It says little (HTML bytes count on a cheap phone): the moderators and
 * the first speakers with «и ещё N», the track as a link to that track's day, and the seats
 * once — in the booking line when there is one, else as the capacity.
 */
export async function SessionCard({ session, timeZone, dayLabel, children }: Props) {
  const t = await getTranslations();
  const moderators = session.speakers.filter((s) => s.role === "MODERATOR");
  const speakers = session.speakers.filter((s) => s.role === "SPEAKER");
  const more = speakers.length - CARD_SPEAKERS;
  const cancelled = session.status === "CANCELLED";
  const day = zonedDayKey(session.startsAt, timeZone);
  // One text node per card (no React separators): «Модератор: … . Спикеры: A, B и ещё 4.»
  const people = [
    moderators.length > 0 &&
      `${t(moderators.length > 1 ? "session.moderators" : "session.moderator")}: ${moderators.map((m) => m.speaker.fullName).join(", ")}.`,
    speakers.length > 0 &&
      `${t("session.speakers")}: ${speakers
        .slice(0, CARD_SPEAKERS)
        .map((s) => s.speaker.fullName)
        .join(", ")}${more > 0 ? ` ${t("programmeViews.moreSpeakers", { count: more })}` : ""}.`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <article
      className="relative rounded-lg border border-slate-200 bg-white p-4 pl-5 shadow-sm"
      style={{ borderLeft: `5px solid ${session.track?.color ?? "#64748b"}` }}
      aria-labelledby={`s-${session.id}`}
    >
      <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <span className="font-medium text-slate-800">
          {dayLabel ? `${dayLabel}, ` : ""}
          {session.timeHidden
            ? t("session.timeHidden")
            : t("session.time", {
                start: formatZonedTime(session.startsAt, timeZone),
                end: formatZonedTime(session.endsAt, timeZone),
                zone: zoneLabel(timeZone, session.startsAt, t("booking.zoneMoscow")),
              })}
          {!session.timeHidden && <OwnTime startsAt={session.startsAt} endsAt={session.endsAt} />}
        </span>
        <span>{t(`formats.${session.format}`)}</span>
        {session.isClosed && <Badge tone="violet">{t("session.closed")}</Badge>}
        {cancelled && <Badge tone="red">{t("session.cancelled")}</Badge>}
      </div>
      <h3 id={`s-${session.id}`} className={`text-base font-semibold leading-snug ${cancelled ? "line-through" : ""}`}>
        <Link href={`/sessions/${session.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
          {session.title}
        </Link>
      </h3>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        {session.track ? (
          <a href={`/programme${programmeQuery({ day, track: session.track.code })}`} className="hover:underline">
            <TrackLabel track={session.track} fallback="" />
          </a>
        ) : (
          <span>{t("session.noTrack")}</span>
        )}
        <span>{session.room ? session.room.name : t("session.noRoom")}</span>
        {!children && (
          <span>
            {session.capacity === null ? t("session.noSeatLimit") : t("session.seats", { count: session.capacity })}
          </span>
        )}
      </div>
      {people && <p className="mt-2 text-sm text-slate-700">{people}</p>}
      {children}
    </article>
  );
}
