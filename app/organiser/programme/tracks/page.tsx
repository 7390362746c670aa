import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "~/app/_components/forms";
import { serverApi } from "~/app/_trpc/server";
import { DeleteButton, TrackForm } from "~/app/organiser/programme/catalogue-forms";
import { ProgrammeNav, card, one } from "~/app/organiser/programme/_components/ui";
import { requirePageRole } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserProgramme");
  return { title: t("tracksTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TracksPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/programme/tracks");
  const params = await searchParams;
  const api = await serverApi();
  const [tracks, t] = await Promise.all([api.programmeAdmin.tracks(), getTranslations("organiserProgramme")]);
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("tracksTitle")}</h1>
      <ProgrammeNav current="tracks" />
      {one(params.notice) === "deleted" && (
        <div className="mt-4">
          <FormAlert state={{ ok: true, message: t("trackDeleted") }} />
        </div>
      )}
      <ul className="mt-4 space-y-3">
        {tracks.map((tr) => (
          <li key={tr.id} className={card} style={{ borderLeft: `5px solid ${tr.color}` }}>
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{tr.title}</span>{" "}
                <span className="text-sm text-slate-600">
                  ({tr.code}) · {t("speakerSessions", { count: tr._count.sessions })}
                </span>
              </summary>
              <div className="mt-3 space-y-3">
                <TrackForm
                  initial={{
                    id: tr.id,
                    code: tr.code,
                    title: tr.title,
                    description: tr.description,
                    color: tr.color,
                    order: String(tr.order),
                  }}
                />
                {tr._count.sessions === 0 && <DeleteButton kind="track" id={tr.id} label={tr.title} />}
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section className={`${card} mt-6`} aria-labelledby="new-track">
        <h2 id="new-track" className="mb-3 text-lg font-bold">
          {t("trackNew")}
        </h2>
        <TrackForm />
      </section>
    </section>
  );
}
