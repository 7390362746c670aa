import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { serverApi } from "~/app/_trpc/server";
import { ConsoleNav } from "~/app/organiser/august-meeting/console-nav";
import { PrintButton } from "~/app/organiser/august-meeting/print-button";
import { requirePageRole } from "~/server/auth/guard";
import { forumTimeZone } from "~/server/i18n/config";
import type { RollCallCounts } from "~/server/meeting/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetingRollCall");
  return { title: t("title") };
}

const stateTone = { ACCREDITED: "violet", APPLIED: "amber", DECLINED: "red", NONE: "slate" } as const;

/** Every subject of the Russian Federation by federal district: state, delegates, counts. Printable. */
export default async function RollCallPage() {
  await requirePageRole("ORGANISER", "/organiser/august-meeting/roll-call");
  const api = await serverApi();
  const [rollCall, t, format] = await Promise.all([api.meeting.rollCall(), getTranslations(), getFormatter()]);
  const asOf = format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short", timeZone: forumTimeZone });
  const counts = (c: RollCallCounts) =>
    t("meetingRollCall.counts", {
      regions: c.regions,
      accredited: c.ACCREDITED,
      applied: c.APPLIED,
      declined: c.DECLINED,
      none: c.NONE,
      delegates: c.accreditedDelegates,
    });
  return (
    <div>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("meetingRollCall.title")}</h1>
      <p className="mt-1 text-slate-600">
        {rollCall.edition.name}. {t("meetingRollCall.asOf", { time: asOf })}
      </p>
      <ConsoleNav current="rollCall" />
      <div className="mt-4 flex flex-wrap items-center gap-2 print:hidden">
        <PrintButton />
        <a
          href="/organiser/august-meeting/roll-call/export"
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600"
        >
          {t("meetingOrganiser.exportCsv")}
        </a>
        <a
          href="/organiser/august-meeting/roll-call/export?format=xlsx"
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600"
        >
          {t("meetingOrganiser.exportXlsx")}
        </a>
      </div>
      <p
        role="status"
        aria-label={t("meetingRollCall.totalLabel")}
        className="mt-4 rounded-md bg-slate-100 p-3 font-medium"
      >
        {t("meetingRollCall.total")}: {counts(rollCall.total)}
      </p>
      {rollCall.districts.map((d) => (
        <section key={d.district} aria-labelledby={`d-${d.district}`} className="mt-8 break-inside-avoid-page">
          <h2 id={`d-${d.district}`} className="text-lg font-bold">
            {t(`meetingDistricts.${d.district}`)}
          </h2>
          <p className="text-sm text-slate-600">{counts(d.counts)}</p>
          <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="w-1/3 border border-slate-200 px-2 py-1">
                  {t("meetingRollCall.region")}
                </th>
                <th scope="col" className="w-40 border border-slate-200 px-2 py-1">
                  {t("meetingRollCall.state")}
                </th>
                <th scope="col" className="border border-slate-200 px-2 py-1">
                  {t("meetingRollCall.delegates")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.regions.map((r) => (
                <tr key={r.id} className="break-inside-avoid align-top">
                  <th scope="row" className="border border-slate-200 px-2 py-1 font-medium">
                    {r.name}
                  </th>
                  <td className="border border-slate-200 px-2 py-1">
                    <Badge tone={stateTone[r.state]}>{t(`meetingRollCallStates.${r.state}`)}</Badge>
                  </td>
                  <td className="border border-slate-200 px-2 py-1">
                    {r.delegates.length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {r.delegates.map((p) => (
                          <li key={p.id}>
                            {p.name || p.email} — {t(`meetingRoles.${p.role}`).toLowerCase()},{" "}
                            <span className={p.status === "ACCREDITED" ? "font-semibold" : "text-slate-600"}>
                              {t(`meetingStatuses.${p.status}`)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
