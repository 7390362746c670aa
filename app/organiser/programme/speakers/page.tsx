import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "~/app/_components/forms";
import { serverApi } from "~/app/_trpc/server";
import { DeleteButton, SpeakerForm } from "~/app/organiser/programme/catalogue-forms";
import { ProgrammeNav, buttonPrimary, card, field, one, pageParam } from "~/app/organiser/programme/_components/ui";
import { Pager } from "~/app/_components/pager";
import { requirePageRole } from "~/server/auth/guard";
import { SpeakerPhotoForm } from "~/app/organiser/programme/speakers/photo-form";
import { PHOTO_MAX_BYTES } from "~/server/organiser/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserProgramme");
  return { title: t("speakersTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Everyone who speaks or moderates, searchable and paged; each can be edited in place. */
export default async function SpeakersAdminPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/programme/speakers");
  const params = await searchParams;
  const q = one(params.q).trim().slice(0, 100);
  const api = await serverApi();
  const [list, t] = await Promise.all([
    api.programmeAdmin.speakers({ q: q || undefined, page: pageParam(params.page) }),
    getTranslations("organiserProgramme"),
  ]);
  const href = (p: number) =>
    `/organiser/programme/speakers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("speakersTitle")}</h1>
      <ProgrammeNav current="speakers" />
      {one(params.notice) === "deleted" && (
        <div className="mt-4">
          <FormAlert state={{ ok: true, message: t("speakerDeleted") }} />
        </div>
      )}
      <form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 text-sm font-medium text-slate-700">
          {t("search")}
          <input type="search" name="q" defaultValue={q} className={field} />
        </label>
        <button type="submit" className={buttonPrimary}>
          {t("find")}
        </button>
      </form>
      <p className="mt-3 text-sm text-slate-600" role="status">
        {t("speakersCount", { count: list.total })}
      </p>
      <ul className="mt-3 space-y-2">
        {list.items.map((s) => (
          <li key={s.id} className={card}>
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{s.fullName}</span>{" "}
                <span className="text-sm text-slate-600">
                  {[s.position, s.organisation].filter(Boolean).join(", ")} ·{" "}
                  {t("speakerSessions", { count: s._count.sessions })}
                </span>
              </summary>
              <div className="mt-3 space-y-3">
                <SpeakerForm
                  initial={{
                    id: s.id,
                    fullName: s.fullName,
                    position: s.position,
                    organisation: s.organisation,
                    bio: s.bio,
                  }}
                />
                <SpeakerPhotoForm
                  speaker={{ id: s.id, fullName: s.fullName, photo: s.photo }}
                  maxMb={PHOTO_MAX_BYTES / 1024 / 1024}
                />
                {s._count.sessions === 0 && <DeleteButton kind="speaker" id={s.id} label={s.fullName} />}
              </div>
            </details>
          </li>
        ))}
      </ul>
      <Pager page={list.page} pageCount={list.pageCount} href={href} />
      <section className={`${card} mt-6`} aria-labelledby="new-speaker">
        <h2 id="new-speaker" className="mb-3 text-lg font-bold">
          {t("speakerNew")}
        </h2>
        <SpeakerForm />
      </section>
    </section>
  );
}
