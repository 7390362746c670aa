import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { orNotFound, serverApi } from "~/app/_trpc/server";
import { FormAlert } from "~/app/_components/forms";
import { ProgrammeNav, card, one } from "~/app/organiser/programme/_components/ui";
import { sessionFormOptions } from "~/app/organiser/programme/sessions/options";
import { CancelForm, DeleteForm, MoveForm, PublishForm } from "~/app/organiser/programme/sessions/session-actions";
import { SessionForm } from "~/app/organiser/programme/sessions/session-form";
import { requirePageRole } from "~/server/auth/guard";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const api = await serverApi();
  const session = await api.programmeAdmin.session({ id }).catch(() => null);
  return { title: session?.title ?? "" };
}

/** What the last action did (actions redirect here with ?notice=…&count=…). */
const NOTICES: Record<string, "created" | "published_ok" | "cancelledOk" | "moved"> = {
  created: "created",
  published: "published_ok",
  cancelled: "cancelledOk",
  moved: "moved",
};

/** One session: its form, its status actions (publish, cancel, delete), «Перенести», its audience. */
export default async function EditSessionPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("ORGANISER", `/organiser/programme/sessions/${id}`);
  const query = await searchParams;
  const notice = one(query.notice);
  const count = Number.parseInt(one(query.count), 10) || 0;
  const api = await serverApi();
  const [session, { options }, t, te] = await Promise.all([
    orNotFound(api.programmeAdmin.session({ id })),
    sessionFormOptions(api),
    getTranslations("organiserProgramme"),
    getTranslations("organiserExports"),
  ]);
  const v = session.values;
  const initial: Record<string, string> = {
    title: v.title,
    description: v.description,
    trackId: v.trackId ?? "",
    format: v.format,
    day: v.day,
    start: v.start,
    end: v.end,
    roomId: v.roomId ?? "",
    capacity: v.capacity === null ? "" : String(v.capacity),
    isClosed: v.isClosed ? "on" : "",
    bookingRequired: v.bookingRequired ? "on" : "",
    moderatorIds: v.moderatorIds.join(","),
    speakerIds: v.speakerIds.join(","),
    ...(v.endDay ? { endDay: v.endDay } : {}),
  };
  // A track editor may look at other tracks' sessions; the select must still show their track.
  const trackOptions =
    session.track && !options.tracks.some((o) => o.value === session.track!.id)
      ? [...options.tracks, { value: session.track.id, label: session.track.title }]
      : options.tracks;
  const editable = session.canEdit && session.status !== "CANCELLED";
  const tone = session.status === "PUBLISHED" ? "slate" : session.status === "DRAFT" ? "amber" : "red";

  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{session.title}</h1>
      <ProgrammeNav current="sessions" />
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <Badge tone={tone}>{t(`status${session.status}`)}</Badge>
        <Link href={`/organiser/programme?day=${v.day}`} className="text-brand-700 underline">
          {t("backToTimetable")}
        </Link>
        {session.status !== "DRAFT" && (
          <Link href={`/sessions/${session.id}`} className="text-brand-700 underline">
            {t("publicPage")}
          </Link>
        )}
      </div>
      {notice in NOTICES && (
        <div className="mt-3">
          <FormAlert state={{ ok: true, message: t(NOTICES[notice]!, { count }) }} />
        </div>
      )}
      {!session.canEdit && (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("readOnlyNote")}
        </p>
      )}

      {editable && (
        <div className={`${card} mt-4 space-y-3`}>
          {session.status === "DRAFT" ? (
            <>
              <p className="text-sm text-slate-600">{t("publishHint")}</p>
              <div className="flex flex-wrap items-start gap-3">
                <PublishForm id={session.id} title={session.values.title} />
                <DeleteForm id={session.id} title={session.title} day={v.day} />
              </div>
            </>
          ) : (
            <CancelForm id={session.id} title={session.title} />
          )}
        </div>
      )}

      <SessionForm
        key={JSON.stringify(initial)}
        sessionId={session.id}
        initial={initial}
        options={{ ...options, tracks: trackOptions }}
        bookedCount={session.bookedCount}
        disabled={!editable}
      />

      {editable && (
        <div className={`${card} mt-6`}>
          <MoveForm
            key={`${v.day}-${v.start}-${v.roomId}`}
            id={session.id}
            initial={{ day: v.day, start: v.start, roomId: v.roomId ?? "" }}
            days={options.days}
            rooms={options.rooms}
          />
        </div>
      )}

      <section className={`${card} mt-6`} aria-labelledby="attendees">
        <h2 id="attendees" className="text-lg font-bold">
          {t("attendees")}
        </h2>
        <p className="mt-1 text-sm">
          {t("attendeesCount", {
            booked: session.bookedCount,
            waitlist: session.waitlistCount,
            starred: session.starredCount,
          })}
        </p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <a
            href={`/organiser/export/attendees/${session.id}?format=csv`}
            className="text-brand-700 underline"
            download
          >
            {t("attendeesCsv")}
          </a>
          <a
            href={`/organiser/export/attendees/${session.id}?format=xlsx`}
            className="text-brand-700 underline"
            download
          >
            {t("attendeesXlsx")}
          </a>
          <a href={`/organiser/export/sign-in?session=${session.id}`} className="text-brand-700 underline" download>
            {te("sessionSheet")}
          </a>
        </p>
      </section>
    </section>
  );
}
