import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { serverApi } from "~/app/_trpc/server";
import { pageParam } from "~/app/organiser/programme/_components/ui";
import { Pager } from "~/app/_components/pager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changes");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TONE = { PUBLISHED: "slate", RESCHEDULED: "amber", MOVED: "amber", UPDATED: "violet", CANCELLED: "red" } as const;

/** The public change log: what changed in the published programme and when, newest first. */
export default async function ChangesPage({ searchParams }: Props) {
  const params = await searchParams;
  const api = await serverApi();
  const [list, t, format] = await Promise.all([
    api.programmeAdmin.changeLog({ page: pageParam(params.page) }),
    getTranslations("changes"),
    getFormatter(),
  ]);
  return (
    <section>
      <Link href="/programme" className="text-sm text-brand-700 hover:underline">
        {t("backToProgramme")}
      </Link>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      {list.items.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {list.items.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <time dateTime={c.createdAt.toISOString()}>
                  {format.dateTime(c.createdAt, {
                    day: "numeric",
                    month: "long",
                    hour: "2-digit",
                    minute: "2-digit",
                    timeZone: list.timeZone,
                  })}
                </time>
                <Badge tone={TONE[c.kind]}>{t(c.kind)}</Badge>
              </div>
              <p className="mt-1">{c.summary}</p>
              {c.sessionId && (
                <Link href={`/sessions/${c.sessionId}`} className="mt-1 inline-block text-sm text-brand-700 underline">
                  {t("toSession")}
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pager page={list.page} pageCount={list.pageCount} href={(p) => `/programme/changes?page=${p}`} />
    </section>
  );
}
