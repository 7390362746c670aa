import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { AugustMeetingLink } from "~/app/organiser/august-meeting/console-nav";
import { RegistrationLink } from "~/app/organiser/registration/nav";
import { ProgrammeLinks } from "~/app/organiser/programme/_components/links";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserHome");
  return { title: t("title") };
}

export default async function OrganiserPage() {
  // Layouts and pages render in parallel: each page checks the role itself too.
  const me = await requirePageRole("ORGANISER", "/organiser");
  const api = await serverApi();
  const [overview, t, tn, tcc, tdb, te, scope] = await Promise.all([
    api.organiser.overview(),
    getTranslations("organiserHome"),
    getTranslations("organiserNav"),
    getTranslations("checkinConsole"),
    getTranslations("dashboard"),
    getTranslations("organiserExports"),
    getDb().then((db) => trackScope(db, me)),
  ]);
  const figures = [
    [t("pending"), overview.registrations.pending],
    [t("confirmed"), overview.registrations.confirmed],
    [t("cancelled"), overview.registrations.cancelled],
  ] as const;
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{overview.edition.name}</p>
      <h2 className="mt-6 text-lg font-bold">{t("registrations")}</h2>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-3xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4">
        <Link
          href="/organiser/dashboard"
          className="inline-block rounded-lg border border-brand-600 bg-white px-4 py-3 font-medium text-brand-700 hover:bg-brand-50"
        >
          {tdb("link")}
        </Link>
      </p>
      <p className="mt-6 text-slate-700">{t("sessions", { count: overview.sessions })}</p>
      <ProgrammeLinks admin={me.role === "ADMIN"} t={tn} />
      {/* The August meeting's console and the registrations are for organisers without a track limit. */}
      {scope === "all" && (
        <>
          <AugustMeetingLink />
          <RegistrationLink />
        </>
      )}
      <p className="mt-2">
        <Link href="/organiser/checkin" className="font-medium text-brand-700 underline hover:text-brand-900">
          {tcc("link")}
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/organiser/exports" className="font-medium text-brand-700 underline hover:text-brand-900">
          {te("link")}
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-600">{t("soon")}</p>
    </section>
  );
}
