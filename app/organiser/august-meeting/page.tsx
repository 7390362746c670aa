import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { ApplicationCard } from "~/app/organiser/august-meeting/application-card";
import { ConsoleNav } from "~/app/organiser/august-meeting/console-nav";
import { MaterialsForm, QuotaForm, SettingsForm } from "~/app/organiser/august-meeting/settings-forms";
import { requirePageRole } from "~/server/auth/guard";
import { APPLICATION_STATUSES, FEDERAL_DISTRICTS } from "~/server/meeting/rules";
import { SUBSTITUTION_FILTER, type ApplicationsInput } from "~/server/meeting/schema";
import { formatZonedTime } from "~/server/programme/time";
import { Pager } from "~/app/_components/pager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetingOrganiser");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const card = "rounded-lg border border-slate-200 bg-white p-4";
const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** Reads the filters from the address; anything unknown is ignored. */
function filters(params: Record<string, string | string[] | undefined>): ApplicationsInput {
  const district = one(params.district);
  const status = one(params.status);
  const regionId = Number.parseInt(one(params.region), 10);
  const page = Number.parseInt(one(params.page), 10);
  return {
    district: (FEDERAL_DISTRICTS as readonly string[]).includes(district)
      ? (district as ApplicationsInput["district"])
      : undefined,
    status: [...APPLICATION_STATUSES, SUBSTITUTION_FILTER].includes(status)
      ? (status as ApplicationsInput["status"])
      : undefined,
    regionId: Number.isInteger(regionId) && regionId > 0 ? regionId : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export default async function AugustMeetingConsole({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/august-meeting");
  const input = filters(await searchParams);
  const api = await serverApi();
  const [settings, list, t, format] = await Promise.all([
    api.meeting.settings(),
    api.meeting.applications(input),
    getTranslations(),
    getFormatter(),
  ]);
  const tz = settings.edition.timeZone;
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (input.district) q.set("district", input.district);
    if (input.regionId) q.set("region", String(input.regionId));
    if (input.status) q.set("status", input.status);
    q.set("page", String(page));
    return `/organiser/august-meeting?${q.toString()}`;
  };
  const sessionOptions = settings.sessions.map((s) => ({
    value: s.id,
    label: `${format.dateTime(s.startsAt, { day: "numeric", month: "long", timeZone: tz })} ${formatZonedTime(s.startsAt, tz)} · ${s.title}`,
  }));
  const overridden = settings.regions.filter((r) => r.override !== null);

  return (
    <div>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("meetingOrganiser.title")}</h1>
      <p className="mt-1 text-slate-600">{settings.edition.name}</p>
      <ConsoleNav current="applications" />
      {!settings.edition.meetingSessionId && (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t("meetingOrganiser.noSessionWarning")}
        </p>
      )}

      <section aria-labelledby="applications" className="mt-6">
        <h2 id="applications" className="text-lg font-bold">
          {t("meetingOrganiser.applications")}
        </h2>
        {list.pending > 0 && (
          <p className="mt-1 text-sm">
            <Link
              href={`/organiser/august-meeting?status=${SUBSTITUTION_FILTER}`}
              className="font-medium text-amber-900 underline"
            >
              {t("meetingOrganiser.pendingSubstitutions", { count: list.pending })}
            </Link>
          </p>
        )}
        <form
          method="get"
          role="search"
          aria-label={t("meetingOrganiser.filters")}
          className={`${card} mt-3 grid gap-3 sm:grid-cols-4 sm:items-end`}
        >
          <label className="text-sm font-medium">
            {t("meetingOrganiser.district")}
            <select name="district" defaultValue={input.district ?? ""} className={control}>
              <option value="">{t("meetingOrganiser.allDistricts")}</option>
              {FEDERAL_DISTRICTS.map((d) => (
                <option key={d} value={d}>
                  {t(`meetingDistricts.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            {t("meetingOrganiser.region")}
            <select name="region" defaultValue={input.regionId ? String(input.regionId) : ""} className={control}>
              <option value="">{t("meetingOrganiser.allRegions")}</option>
              {settings.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            {t("meetingOrganiser.status")}
            <select name="status" defaultValue={input.status ?? ""} className={control}>
              <option value="">{t("meetingOrganiser.allStatuses")}</option>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`meetingStatuses.${s}`)}
                </option>
              ))}
              <option value={SUBSTITUTION_FILTER}>{t("meetingOrganiser.substitutionFilter")}</option>
            </select>
          </label>
          <div className="flex gap-2">
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
            >
              {t("meetingOrganiser.show")}
            </button>
            <Link href="/organiser/august-meeting" className="px-2 py-2 text-sm text-slate-700 underline">
              {t("meetingOrganiser.reset")}
            </Link>
          </div>
        </form>
        <p role="status" className="mt-3 text-sm text-slate-600">
          {t("meetingOrganiser.count", { count: list.total })}
        </p>
        <ul className="mt-2 space-y-3">
          {list.items.map((a) => (
            <li key={a.id}>
              <ApplicationCard application={a} />
            </li>
          ))}
        </ul>
        <Pager page={list.page} pageCount={list.pageCount} href={query} />
      </section>

      <div className="mt-10 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="settings" className={card}>
          <h2 id="settings" className="text-lg font-bold">
            {t("meetingOrganiser.settings")}
          </h2>
          <SettingsForm
            sessions={sessionOptions}
            initial={{
              meetingSessionId: settings.edition.meetingSessionId ?? "",
              defaultQuota: String(settings.edition.meetingDefaultQuota),
              reserveEnabled: settings.edition.meetingReserveEnabled,
            }}
          />
        </section>
        <section aria-labelledby="quotas" className={card}>
          <h2 id="quotas" className="text-lg font-bold">
            {t("meetingOrganiser.quotas")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {t("meetingOrganiser.quotasLead", { quota: settings.edition.meetingDefaultQuota })}
          </p>
          <QuotaForm
            regions={settings.regions.map((r) => ({
              value: String(r.id),
              label: r.override === null ? r.name : `${r.name} (${r.override})`,
            }))}
            defaultQuota={settings.edition.meetingDefaultQuota}
          />
          {overridden.length > 0 && (
            <ul className="mt-3 text-sm" aria-label={t("meetingOrganiser.overrides")}>
              {overridden.map((r) => (
                <li key={r.id}>{t("meetingOrganiser.override", { region: r.name, quota: r.quota })}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="materials" className={`${card} lg:col-span-2`}>
          <h2 id="materials" className="text-lg font-bold">
            {t("meetingOrganiser.materialsTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("meetingOrganiser.materialsLead")}</p>
          <MaterialsForm materials={settings.edition.meetingMaterials} />
        </section>
      </div>
    </div>
  );
}
