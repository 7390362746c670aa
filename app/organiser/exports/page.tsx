import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserExports");
  return { title: t("title") };
}

const link = "font-medium text-brand-700 underline hover:text-brand-900";

/** One-click door lists: every session, every registration, and printable sign-in sheets per room. */
export default async function ExportsPage() {
  const me = await requirePageRole("ORGANISER", "/organiser/exports");
  const api = await serverApi();
  const [rooms, t, tq, scope] = await Promise.all([
    api.programmeAdmin.rooms(),
    getTranslations("organiserExports"),
    getTranslations("registrationList"),
    getDb().then((db) => trackScope(db, me)),
  ]);
  // Registrations hold everyone's personal data: an organiser limited to some tracks is not offered them.
  const unscoped = scope === "all";
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{t("lead")}</p>
      <h2 className="mt-6 text-lg font-bold">{t("allSessions")}</h2>
      <p className="text-sm text-slate-600">{t("allSessionsHint")}</p>
      <p className="mt-2 flex flex-wrap gap-4">
        <a href="/organiser/export/attendees?format=xlsx" className={link} download>
          {t("allXlsx")}
        </a>
        <a href="/organiser/export/attendees?format=csv" className={link} download>
          {t("allCsv")}
        </a>
      </p>
      {unscoped && (
        <>
          <h2 className="mt-6 text-lg font-bold">{t("registrations")}</h2>
          <p className="text-sm text-slate-600">{t("registrationsHint")}</p>
          <p className="mt-2 flex flex-wrap gap-4">
            <a href="/organiser/export/registrations?format=xlsx" className={link} download>
              {t("registrationsXlsx")}
            </a>
            <a href="/organiser/export/registrations?format=csv" className={link} download>
              {t("registrationsCsv")}
            </a>
          </p>
          <h2 className="mt-6 text-lg font-bold">{tq("exportsTitle")}</h2>
          <p className="text-sm text-slate-600">{tq("exportsHint")}</p>
          <p className="mt-2 flex flex-wrap gap-4">
            <a href="/organiser/export/registration-answers?format=xlsx" className={link} download>
              {tq("downloadXlsx")}
            </a>
            <a href="/organiser/export/registration-answers?format=csv" className={link} download>
              {tq("downloadCsv")}
            </a>
            <Link href="/organiser/registration" className={link}>
              {tq("exportsPage")}
            </Link>
          </p>
        </>
      )}
      <h2 className="mt-6 text-lg font-bold">{t("signIn")}</h2>
      <p className="text-sm text-slate-600">{t("signInHint")}</p>
      {rooms.length === 0 ? (
        <p className="mt-2">{t("noRooms")}</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {rooms.map((r) => (
            <li key={r.id}>
              <a href={`/organiser/export/sign-in?room=${encodeURIComponent(r.id)}`} className={link} download>
                {t("roomSheet", { room: r.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
