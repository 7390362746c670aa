import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { BadgesForm } from "~/app/organiser/checkin/badges-form";
import {
  AutoRefresh,
  NoShowForm,
  ReissueForm,
  RevokeStaffButton,
  StaffForm,
  UndoButton,
} from "~/app/organiser/checkin/forms";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";
import { formatZonedTime, zonedTimeToUtc } from "~/server/programme/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkinConsole"))("title") };
}

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function CheckinConsolePage() {
  // Layouts and pages render in parallel: the page checks the role itself too.
  const me = await requirePageRole("ORGANISER", "/organiser/checkin");
  if ((await trackScope(await getDb(), me)) !== "all") forbidden();
  const api = await serverApi();
  const [counts, recent, staff, t, format] = await Promise.all([
    api.checkin.counts(),
    api.checkin.recent({ page: 1 }),
    api.checkin.staff(),
    getTranslations("checkinConsole"),
    getFormatter(),
  ]);
  const [tb, tf] = await Promise.all([getTranslations("badges"), getTranslations("feedbackResults")]);
  const tz = counts.timeZone;
  return (
    <div className="space-y-8">
      <AutoRefresh />
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        <p className="mt-2 text-sm">
          <Link href="/checkin" className="text-brand-700 underline">
            {t("toDesk")}
          </Link>{" "}
          · <span className="text-slate-500">{t("refreshing")}</span>
        </p>
      </header>

      <section aria-labelledby="counts" className={card}>
        <h2 id="counts" className="text-lg font-bold">
          {t("counts")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("noShowHint")}</p>
        {counts.days.map((d) => (
          <div key={d.day} className="mt-4 overflow-x-auto">
            <h3 className="font-semibold">
              {format.dateTime(zonedTimeToUtc(d.day, "12:00", tz), {
                day: "numeric",
                month: "long",
                weekday: "long",
                timeZone: tz,
              })}
            </h3>
            <table className="mt-2 w-full min-w-[32rem] text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th className="py-1 pr-3">{t("session")}</th>
                  <th className="py-1 pr-3">{t("admitted")}</th>
                  <th className="py-1 pr-3">{t("booked")}</th>
                  <th className="py-1 pr-3">{t("walkIns")}</th>
                  <th className="py-1 pr-3">{t("capacity")}</th>
                  <th className="py-1 pr-3">{t("noShow")}</th>
                </tr>
              </thead>
              <tbody>
                <tr className="border-b border-slate-100 font-medium" data-door={d.entrance.door}>
                  <td className="py-1 pr-3">{t("entrance")}</td>
                  <td className="py-1 pr-3">{d.entrance.admitted}</td>
                  <td className="py-1 pr-3">—</td>
                  <td className="py-1 pr-3">—</td>
                  <td className="py-1 pr-3">—</td>
                  <td className="py-1 pr-3">—</td>
                </tr>
                {d.sessions.map((s) => (
                  <tr key={s.door} className="border-b border-slate-100" data-door={s.door}>
                    <td className="py-1 pr-3">
                      {formatZonedTime(s.startsAt, tz)} {s.title}
                    </td>
                    <td className="py-1 pr-3">{s.admitted}</td>
                    <td className="py-1 pr-3">{s.booked}</td>
                    <td className="py-1 pr-3">{s.walkIns}</td>
                    <td className="py-1 pr-3">{s.capacity ?? "—"}</td>
                    <td className="py-1 pr-3">
                      {s.bookingRequired ? (
                        <NoShowForm
                          sessionId={s.door.slice("session:".length)}
                          minutes={s.noShowReleaseMinutes}
                          title={s.title}
                        />
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section aria-labelledby="recent" className={card}>
        <h2 id="recent" className="text-lg font-bold">
          {t("recent")}
        </h2>
        {recent.items.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("recentEmpty")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {recent.items.map((r) => (
              <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                <div>
                  <p className="font-medium">
                    {r.name}
                    {r.undone && <span className="ml-2 text-red-800">({t("undone")})</span>}
                  </p>
                  <p className="text-slate-600">
                    {format.dateTime(r.scannedAt, {
                      day: "numeric",
                      month: "short",
                      hour: "2-digit",
                      minute: "2-digit",
                      second: "2-digit",
                      timeZone: tz,
                    })}{" "}
                    · {r.place ?? t("entrance")} · {r.device}
                    {r.walkIn && ` · ${t("walkIns")}`}
                  </p>
                </div>
                {!r.undone && <UndoButton checkInId={r.id} name={r.name} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="staff" className={card}>
        <h2 id="staff" className="text-lg font-bold">
          {t("staff")}
        </h2>
        {staff.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("staffEmpty")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {staff.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>{s.name ? `${s.name} · ${s.email}` : s.email}</span>
                <RevokeStaffButton email={s.email} />
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4">
          <StaffForm />
        </div>
      </section>

      <section aria-labelledby="feedback-results" className={card}>
        <h2 id="feedback-results" className="text-lg font-bold">
          {tf("title")}
        </h2>
        <p className="mt-2 text-sm">
          <Link href="/organiser/feedback" className="text-brand-700 underline">
            {tf("link")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="badges" className={card}>
        <h2 id="badges" className="text-lg font-bold">
          {tb("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{tb("lead")}</p>
        <div className="mt-3">
          <BadgesForm />
        </div>
      </section>

      <section aria-labelledby="reissue" className={card}>
        <h2 id="reissue" className="text-lg font-bold">
          {t("reissueTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("reissueHint")}</p>
        <div className="mt-3">
          <ReissueForm />
        </div>
      </section>
    </div>
  );
}
