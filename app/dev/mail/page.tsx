import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound, serverApi } from "~/app/_trpc/server";
import { MailHtml, MailText, StatusBadge } from "~/app/dev/mail/message-parts";
import { forumTimeZone } from "~/server/i18n/config";
import { Pager } from "~/app/_components/pager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("devMail");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Development mail viewer: the outbox, newest first. Absent in production (see server/mail/service.ts). */
export default async function DevMailPage({ searchParams }: Props) {
  const params = await searchParams;
  const to = one(params.to).trim().slice(0, 320);
  const requestedPage = Number.parseInt(one(params.page), 10);
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10_000 ? requestedPage : 1;
  const api = await serverApi();
  const list = await orNotFound(api.devMail.list({ page, to: to || undefined }));
  const [t, format] = await Promise.all([getTranslations("devMail"), getFormatter()]);
  const href = (p: number) => `/dev/mail?${new URLSearchParams({ ...(to ? { to } : {}), page: String(p) }).toString()}`;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone: forumTimeZone });

  return (
    <>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("devNote")}</p>
      <p
        className={`mt-3 rounded-md border px-3 py-2 text-sm ${
          list.smtpConfigured ? "border-slate-200 bg-white" : "border-amber-300 bg-amber-50 text-amber-900"
        }`}
      >
        {list.smtpConfigured ? t("sending") : t("notSending")}
      </p>

      <form method="get" action="/dev/mail" role="search" className="mt-5 flex flex-wrap gap-2">
        <label className="sr-only" htmlFor="dev-mail-to">
          {t("filter")}
        </label>
        <input
          id="dev-mail-to"
          type="search"
          name="to"
          defaultValue={to}
          maxLength={320}
          placeholder={t("filterPlaceholder")}
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
        {to && (
          <>
            {" · "}
            <Link href="/dev/mail" className="text-brand-700 underline">
              {t("reset")}
            </Link>
          </>
        )}
      </p>

      {list.items.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {list.items.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`mail-${m.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <StatusBadge status={m.status} />
                  <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
                </div>
                <h2 id={`mail-${m.id}`} className="mt-2 text-lg font-semibold">
                  <Link href={`/dev/mail/${m.id}`} className="hover:text-brand-700 hover:underline">
                    {m.subject}
                  </Link>
                </h2>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-500">{t("to")}</dt>
                  <dd className="break-all">{m.to}</dd>
                  <dt className="text-slate-500">{t("kind")}</dt>
                  <dd className="font-mono text-xs leading-5">{m.kind}</dd>
                </dl>
                <div className="mt-3">
                  <MailText text={m.text} />
                </div>
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("html")}</summary>
                  <div className="mt-2">
                    <MailHtml html={m.html} subject={m.subject} />
                  </div>
                </details>
                <p className="mt-3 text-sm">
                  <Link href={`/dev/mail/${m.id}`} className="text-brand-700 hover:underline">
                    {t("open")}
                  </Link>
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}

      <Pager page={list.page} pageCount={list.pageCount} href={href} />
    </>
  );
}
