import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { serverApi } from "~/app/_trpc/server";
import { ProgrammeNav, buttonPrimary, field, one, pageParam } from "~/app/organiser/programme/_components/ui";
import { Pager } from "~/app/_components/pager";
import { requirePageRole } from "~/server/auth/guard";
import { SESSION_STATUSES } from "~/server/organiser/schema";
import { formatZonedTime, isDayKey, zonedTimeToUtc } from "~/server/programme/time";
import { ListTable } from "~/app/_components/list-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserProgramme");
  return { title: t("sessionsTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every session of the edition, drafts included, with filters and pages. */
export default async function SessionListPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/programme/sessions");
  const params = await searchParams;
  const q = one(params.q).trim().slice(0, 100);
  const status = (SESSION_STATUSES as readonly string[]).includes(one(params.status))
    ? (one(params.status) as (typeof SESSION_STATUSES)[number])
    : undefined;
  const day = isDayKey(one(params.day)) ? one(params.day) : undefined;
  const api = await serverApi();
  const [workspace, t, format] = await Promise.all([
    api.programmeAdmin.workspace(),
    getTranslations("organiserProgramme"),
    getFormatter(),
  ]);
  const trackId = workspace.tracks.some((tr) => tr.id === one(params.track)) ? one(params.track) : undefined;
  const list = await api.programmeAdmin.sessions({
    q: q || undefined,
    status,
    day,
    trackId,
    page: pageParam(params.page),
  });
  const tz = list.timeZone;
  const query = (page: number) =>
    `/organiser/programme/sessions?${new URLSearchParams({
      ...(q ? { q } : {}),
      ...(status ? { status } : {}),
      ...(day ? { day } : {}),
      ...(trackId ? { track: trackId } : {}),
      page: String(page),
    }).toString()}`;
  const dayLabel = (d: string) =>
    format.dateTime(zonedTimeToUtc(d, "12:00", tz), { day: "numeric", month: "short", weekday: "short", timeZone: tz });

  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("sessionsTitle")}</h1>
      <ProgrammeNav current="sessions" />
      <form
        method="get"
        role="search"
        className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5"
      >
        <label className="text-sm font-medium text-slate-700 sm:col-span-2">
          {t("search")}
          <input type="search" name="q" defaultValue={q} className={field} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("filterStatus")}
          <select name="status" defaultValue={status ?? ""} className={field}>
            <option value="">{t("anyStatus")}</option>
            {SESSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("filterDay")}
          <select name="day" defaultValue={day ?? ""} className={field}>
            <option value="">{t("anyDay")}</option>
            {workspace.days.map((d) => (
              <option key={d} value={d}>
                {dayLabel(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("filterTrack")}
          <select name="track" defaultValue={trackId ?? ""} className={field}>
            <option value="">{t("anyTrack")}</option>
            {workspace.tracks.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.title}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap gap-3 sm:col-span-5">
          <button type="submit" className={buttonPrimary}>
            {t("find")}
          </button>
          <Link href="/organiser/programme/sessions/new" className="self-center text-sm text-brand-700 underline">
            {t("newSession")}
          </Link>
        </div>
      </form>
      <ListTable
        count={t("count", { count: list.total })}
        empty={t("empty")}
        isEmpty={list.items.length === 0}
        headers={[t("when"), t("fieldTitle"), t("status"), t("where"), t("seats")]}
      >
        {list.items.map((s) => (
          <tr key={s.id} className="border-t border-slate-100 align-top">
            <td className="whitespace-nowrap px-3 py-2">
              {format.dateTime(s.startsAt, { day: "numeric", month: "short", timeZone: tz })},{" "}
              {formatZonedTime(s.startsAt, tz)}–{formatZonedTime(s.endsAt, tz)}
            </td>
            <td className="px-3 py-2">
              <Link
                href={`/organiser/programme/sessions/${s.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {s.title}
              </Link>
              <span className="block text-xs" style={{ color: s.track?.color ?? "#475569" }}>
                {s.track?.title ?? t("noTrack")}
                {!s.canEdit && ` · ${t("readOnly")}`}
              </span>
            </td>
            <td className="px-3 py-2">
              <Badge tone={s.status === "PUBLISHED" ? "slate" : s.status === "DRAFT" ? "amber" : "red"}>
                {t(`status${s.status}`)}
              </Badge>
            </td>
            <td className="px-3 py-2">{s.room?.name ?? t("noRoom")}</td>
            <td className="whitespace-nowrap px-3 py-2">
              {s.capacity === null
                ? t("seatsNoLimit", { booked: s.bookedCount })
                : t("seatsOf", { booked: s.bookedCount, capacity: s.capacity })}
              {s._count.waitlist > 0 && <span className="block text-xs text-slate-500">+{s._count.waitlist}</span>}
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager page={list.page} pageCount={list.pageCount} href={query} />
    </section>
  );
}
