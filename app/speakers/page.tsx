import type { Metadata } from "next";
import Link from "next/link";
import { SpeakerAvatar } from "~/app/_components/speaker-avatar";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { normaliseQuery, SEARCH_MAX_LENGTH } from "~/server/programme/rules";
import { Pager } from "~/app/_components/pager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("speakers");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function SpeakersPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = normaliseQuery(one(params.q));
  const requestedPage = Number.parseInt(one(params.page), 10);
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1;
  const api = await serverApi();
  const [list, t] = await Promise.all([
    api.programme.speakers({ q: q || undefined, page }),
    getTranslations("speakers"),
  ]);
  const href = (p: number) => `/speakers?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;

  return (
    <>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <form method="get" action="/speakers" role="search" className="mt-5 flex flex-wrap gap-2">
        <label className="sr-only" htmlFor="speaker-q">
          {t("searchLabel")}
        </label>
        <input
          id="speaker-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t("search")}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
        >
          {t("apply")}
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-600" role="status">
        {t("count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("empty")}</p>
      ) : (
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {list.items.map((s) => (
            <li key={s.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4">
              <SpeakerAvatar speaker={s} size="small" />
              <div className="min-w-0">
                <Link href={`/speakers/${s.id}`} className="font-semibold text-brand-700 hover:underline">
                  {s.fullName}
                </Link>
                <p className="mt-1 text-sm text-slate-600">{[s.position, s.organisation].filter(Boolean).join(", ")}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pageCount={list.pageCount} href={href} />
    </>
  );
}
