import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "~/app/_components/pager";
import { serverApi } from "~/app/_trpc/server";
import { buttonPrimary, card, field } from "~/app/organiser/programme/_components/field-class";
import { pageParam } from "~/app/organiser/programme/_components/ui";
import { answerInWords } from "~/app/organiser/registration/answer-text";
import { filterInput, filterQuery, readFilters } from "~/app/organiser/registration/filters";
import { RegistrationNav } from "~/app/organiser/registration/nav";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import { requirePageRole } from "~/server/auth/guard";
import { intlTag, isLocale } from "~/server/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registrationList");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
const link = "font-medium text-brand-700 underline hover:text-brand-900";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every registration with one column per registration question, filtered and paged; downloads of the filtered list. */
export default async function RegistrationListPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/registration");
  const params = await searchParams;
  const filters = readFilters(params);
  const page = pageParam(params.page);
  const api = await serverApi();
  const [list, form, edition, t, tc, locale] = await Promise.all([
    api.questions.registrations({ ...filterInput(filters), limit: PAGE_SIZE, page }),
    api.account.registrationForm(),
    api.programme.edition(),
    getTranslations("registrationList"),
    getTranslations("categories"),
    getLocale(),
  ]);
  const tag = intlTag[isLocale(locale) ? locale : "ru"];
  const words = { yes: t("yes"), no: t("no"), intlTag: tag };
  const registered = new Intl.DateTimeFormat(tag, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: edition.timeZone,
  });
  const filterable = list.questions.filter(
    (q) => q.kind === "ONE_CHOICE" || q.kind === "MANY_CHOICES" || q.kind === "YES_NO",
  );
  const questionTitle = (q: (typeof list.questions)[number]) =>
    q.archivedAt ? t("archivedMark", { label: q.label }) : q.label;
  const filtered = Object.keys(filters).length > 0;
  const headers = [
    t("person"),
    t("email"),
    t("category"),
    t("region"),
    t("status"),
    t("registeredAt"),
    ...list.questions.map(questionTitle),
  ];

  return (
    <section className="min-w-0">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <RegistrationNav current="navList" />
      <p className="mt-3 max-w-3xl text-slate-700">{t("lead")}</p>

      <form method="get" className={`${card} mt-4`} aria-labelledby="filters">
        <h2 id="filters" className="text-lg font-bold">
          {t("filters")}
        </h2>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <label className="block text-sm font-medium text-slate-800">
            {t("category")}
            <select name="category" defaultValue={filters.category ?? ""} className={field}>
              <option value="">{t("all")}</option>
              {PARTICIPANT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tc(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-800">
            {t("region")}
            <select name="region" defaultValue={filters.regionId ? String(filters.regionId) : ""} className={field}>
              <option value="">{t("all")}</option>
              {form.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-800">
            {t("status")}
            <select name="status" defaultValue={filters.status ?? ""} className={field}>
              <option value="">{t("all")}</option>
              <option value="PENDING">{t("statuses.PENDING")}</option>
              <option value="CONFIRMED">{t("statuses.CONFIRMED")}</option>
            </select>
          </label>
          {filterable.length > 0 && (
            <label className="block text-sm font-medium text-slate-800">
              {t("answer")}
              <select name="answer" defaultValue={filters.answer ?? ""} className={field}>
                <option value="">{t("all")}</option>
                {filterable.map((q) => (
                  <optgroup key={q.id} label={questionTitle(q)}>
                    {(q.kind === "YES_NO"
                      ? [
                          { id: "yes", label: t("yes") },
                          { id: "no", label: t("no") },
                        ]
                      : q.options
                    ).map((o) => (
                      <option key={o.id} value={`${q.id}:${o.id}`}>
                        {`${q.label}: ${o.label}`}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          )}
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonPrimary}>
            {t("apply")}
          </button>
          {filtered && (
            <Link href="/organiser/registration" className={link}>
              {t("reset")}
            </Link>
          )}
        </div>
      </form>

      <div className="mt-4">
        <p className="flex flex-wrap gap-4">
          <a
            href={`/organiser/export/registration-answers${filterQuery(filters, { format: "csv" })}`}
            className={link}
            download
          >
            {t("downloadCsv")}
          </a>
          <a
            href={`/organiser/export/registration-answers${filterQuery(filters, { format: "xlsx" })}`}
            className={link}
            download
          >
            {t("downloadXlsx")}
          </a>
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("downloadHint")}</p>
      </div>

      <p className="mt-3 text-sm text-slate-600" role="status">
        {t("total", { count: list.total })}
      </p>
      {list.registrations.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          {filtered ? t("empty") : t("emptyAll")}
        </p>
      ) : (
        // Wide with many questions: the table scrolls in its own box, which takes focus so the
        // keyboard can scroll it too.
        <div
          tabIndex={0}
          role="region"
          aria-label={t("title")}
          className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-brand-600"
        >
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {headers.map((h, i) => (
                  <th key={i} scope="col" className="px-3 py-2 align-bottom">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.registrations.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 font-medium">{r.fullName}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{r.email}</td>
                  <td className="px-3 py-2">{tc(r.category)}</td>
                  <td className="px-3 py-2">{r.region}</td>
                  <td className="px-3 py-2">{t(r.status === "PENDING" ? "statuses.PENDING" : "statuses.CONFIRMED")}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{registered.format(r.createdAt)}</td>
                  {list.questions.map((q) => (
                    <td key={q.id} className="min-w-40 px-3 py-2 break-words">
                      {answerInWords(q, r.answers[q.id], words)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={list.page}
        pageCount={list.pageCount}
        href={(p) => `/organiser/registration${filterQuery(filters, { page: String(p) })}`}
      />
    </section>
  );
}
