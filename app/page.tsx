import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoBanner } from "~/app/_components/demo-banner";
import { serverApi } from "~/app/_trpc/server";

export default async function HomePage() {
  const api = await serverApi();
  const [edition, t, format] = await Promise.all([api.programme.edition(), getTranslations("home"), getFormatter()]);
  const lastMoment = new Date(edition.endsAt.getTime() - 1);
  return (
    <>
      <DemoBanner show={edition.isDemo} />
      <section className="rounded-2xl bg-brand-900 px-5 py-8 text-white sm:px-8 sm:py-10">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-100">
          {format.dateTimeRange(edition.startsAt, lastMoment, {
            day: "numeric",
            month: "long",
            year: "numeric",
            timeZone: edition.timeZone,
          })}{" "}
          · {edition.city}
        </p>
        <h1 className="mt-2 text-2xl font-bold sm:text-4xl">{edition.name}</h1>
        <p className="mt-1 text-brand-100">{edition.venue}</p>
        <p className="mt-4 max-w-3xl text-base text-white/90">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/programme"
            className="rounded-md bg-white px-4 py-2 font-semibold text-brand-900 hover:bg-brand-50"
          >
            {t("toProgramme")}
          </Link>
          <Link
            href="/register"
            className="rounded-md border border-white/70 px-4 py-2 font-semibold text-white hover:bg-white/10"
          >
            {t("toRegister")}
          </Link>
        </div>
      </section>

      <section className="mt-10" aria-labelledby="tracks-title">
        <h2 id="tracks-title" className="text-xl font-bold">
          {t("tracksTitle")}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {edition.tracks.map((track) => (
            <li
              key={track.id}
              className="rounded-lg border border-slate-200 bg-white p-4"
              style={{ borderTop: `4px solid ${track.color}` }}
            >
              <h3 className="font-semibold">
                <Link
                  href={`/programme?track=${track.code}`}
                  className="hover:underline"
                  style={{ color: track.color }}
                >
                  {track.title}
                </Link>
              </h3>
              <p className="mt-1 text-sm text-slate-600">{track.description}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="mt-10 max-w-3xl" aria-labelledby="about-title">
        <h2 id="about-title" className="text-xl font-bold">
          {t("aboutTitle")}
        </h2>
        <p className="mt-3 text-slate-700">{t("about")}</p>
      </section>
    </>
  );
}
