import type { Metadata } from "next";
import Link from "next/link";
import { SpeakerAvatar } from "~/app/_components/speaker-avatar";
import { getFormatter, getTranslations } from "next-intl/server";
import { SessionCard } from "~/app/_components/session-card";
import { orNotFound, serverApi } from "~/app/_trpc/server";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const api = await serverApi();
  const speaker = await api.programme.speaker({ id }).catch(() => null);
  return { title: speaker?.fullName ?? "" };
}

export default async function SpeakerPage({ params }: Props) {
  const { id } = await params;
  const api = await serverApi();
  const [speaker, edition, t, format, photoT] = await Promise.all([
    orNotFound(api.programme.speaker({ id })),
    api.programme.edition(),
    getTranslations("speakers"),
    getFormatter(),
    getTranslations("speakerPhoto"),
  ]);
  const tz = edition.timeZone;
  return (
    <article>
      <Link href="/speakers" className="text-sm text-brand-700 hover:underline">
        {t("allSpeakers")}
      </Link>
      <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-center">
        <SpeakerAvatar speaker={speaker} size="large" alt={photoT("alt", { name: speaker.fullName })} />
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{speaker.fullName}</h1>
          <p className="mt-1 text-slate-700">{[speaker.position, speaker.organisation].filter(Boolean).join(", ")}</p>
        </div>
      </div>
      {speaker.bio && <p className="mt-4 max-w-3xl whitespace-pre-line text-slate-800">{speaker.bio}</p>}
      <section className="mt-8" aria-labelledby="talks">
        <h2 id="talks" className="text-lg font-bold">
          {t("sessionsTitle")}
        </h2>
        <ul className="mt-3 space-y-3">
          {speaker.sessions.map(({ role, session }) => (
            <li key={session.id}>
              <p className="mb-1 text-xs font-semibold uppercase text-slate-500">
                {role === "MODERATOR" ? t("roleModerator") : t("roleSpeaker")}
              </p>
              <SessionCard
                session={session}
                timeZone={tz}
                dayLabel={format.dateTime(session.startsAt, { day: "numeric", month: "long", timeZone: tz })}
              />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
