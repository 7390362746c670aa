import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { buttonPrimary, field, one, pageParam } from "~/app/organiser/programme/_components/ui";
import { Pager } from "~/app/_components/pager";
import { requirePageRole } from "~/server/auth/guard";
import { isDayKey } from "~/server/programme/time";
import { ListTable } from "~/app/_components/list-table";
import { isAuditEntity } from "~/server/audit/describe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const json = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v, null, 2));

/** Every organiser and admin change, newest first, with filters by who, what and when. */
export default async function AuditPage({ searchParams }: Props) {
  await requirePageRole("ADMIN", "/admin/audit");
  const params = await searchParams;
  const filters = {
    actor: one(params.actor).trim().slice(0, 200),
    entity: one(params.entity).trim().slice(0, 60),
    action: one(params.action).trim().slice(0, 60),
    from: isDayKey(one(params.from)) ? one(params.from) : "",
    to: isDayKey(one(params.to)) ? one(params.to) : "",
  };
  const api = await serverApi();
  const [list, t, tSentence, tAction, tEntity, format] = await Promise.all([
    api.programmeAdmin.audit({
      actor: filters.actor || undefined,
      entity: filters.entity || undefined,
      action: filters.action || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      page: pageParam(params.page),
    }),
    getTranslations("audit"),
    getTranslations("auditSentences"),
    getTranslations("auditActions"),
    getTranslations("auditEntities"),
    getFormatter(),
  ]);
  const href = (p: number) =>
    `/admin/audit?${new URLSearchParams({
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
      page: String(p),
    }).toString()}`;
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      <form
        method="get"
        role="search"
        className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5"
      >
        <label className="text-sm font-medium text-slate-700">
          {t("actor")}
          <input type="search" name="actor" defaultValue={filters.actor} className={field} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("entity")}
          <select name="entity" defaultValue={filters.entity} className={field}>
            <option value="">{t("anyEntity")}</option>
            {list.entities.map((e) => (
              <option key={e.value} value={e.value}>
                {e.known ? tEntity(e.value) : e.value}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("action")}
          <select name="action" defaultValue={filters.action} className={field}>
            <option value="">{t("anyAction")}</option>
            {list.actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.known ? tAction(a.value) : a.value}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("from")}
          <input type="date" name="from" defaultValue={filters.from} className={field} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("to")}
          <input type="date" name="to" defaultValue={filters.to} className={field} />
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-5">
          <button type="submit" className={buttonPrimary}>
            {t("apply")}
          </button>
          <Link href="/admin/audit" className="text-sm text-brand-700 underline">
            {t("reset")}
          </Link>
        </div>
      </form>
      <ListTable
        count={t("count", { count: list.total })}
        empty={t("empty")}
        isEmpty={list.items.length === 0}
        headers={[t("when"), t("actor"), t("what"), t("changes")]}
      >
        {list.items.map((a) => (
          <tr key={a.id} className="border-t border-slate-100 align-top">
            <td className="whitespace-nowrap px-3 py-2">
              {format.dateTime(a.createdAt, { dateStyle: "short", timeStyle: "medium", timeZone: list.timeZone })}
            </td>
            <td className="break-all px-3 py-2">{a.sentence.values.actor}</td>
            <td className="px-3 py-2">
              <span className="font-medium" data-testid="audit-sentence">
                {a.sentence.key
                  ? tSentence(a.sentence.key, a.sentence.values)
                  : `${a.sentence.values.actor}: ${a.action}`}
              </span>
              <span className="block text-xs text-slate-500">
                {a.sentence.key ? tAction(a.sentence.key) : a.action} ·{" "}
                {isAuditEntity(a.entity) ? tEntity(a.entity) : a.entity}
              </span>
            </td>
            <td className="px-3 py-2">
              <details>
                <summary className="cursor-pointer text-brand-700">{t("details")}</summary>
                <div className="mt-2 grid gap-2 md:grid-cols-2">
                  <div>
                    <p className="text-xs font-semibold text-slate-600">{t("before")}</p>
                    <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                      {json(a.before)}
                    </pre>
                  </div>
                  <div>
                    <p className="text-xs font-semibold text-slate-600">{t("after")}</p>
                    <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                      {json(a.after)}
                    </pre>
                  </div>
                </div>
              </details>
            </td>
          </tr>
        ))}
      </ListTable>
      <Pager page={list.page} pageCount={list.pageCount} href={href} />
    </section>
  );
}
