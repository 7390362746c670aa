import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { orNotFound, serverApi } from "~/app/_trpc/server";
import { MailHtml, MailLinks, MailText, StatusBadge } from "~/app/dev/mail/message-parts";
import { forumTimeZone } from "~/server/i18n/config";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const api = await serverApi();
  const message = await api.devMail.message({ id }).catch(() => null);
  return { title: message?.subject ?? "", robots: { index: false, follow: false } };
}

/** One message of the development mail viewer, with its delivery state. */
export default async function DevMailMessagePage({ params }: Props) {
  const { id } = await params;
  const api = await serverApi();
  const m = await orNotFound(api.devMail.message({ id }));
  const [t, format] = await Promise.all([getTranslations("devMail"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium", timeZone: forumTimeZone });

  return (
    <article>
      <Link href="/dev/mail" className="text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <StatusBadge status={m.status} />
        <span className="font-mono text-xs">{m.kind}</span>
      </div>
      <h1 className="mt-2 text-2xl font-bold">{m.subject}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("to")}</dt>
        <dd className="break-all">{m.to}</dd>
        <dt className="text-slate-500">{t("created")}</dt>
        <dd>
          <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
        </dd>
        {m.sentAt && (
          <>
            <dt className="text-slate-500">{t("sentAt")}</dt>
            <dd>
              <time dateTime={m.sentAt.toISOString()}>{when(m.sentAt)}</time>
            </dd>
          </>
        )}
        <dt className="text-slate-500">{t("attempts")}</dt>
        <dd>{m.attempts}</dd>
        {m.status === "PENDING" && m.attempts > 0 && (
          <>
            <dt className="text-slate-500">{t("nextAttempt")}</dt>
            <dd>
              <time dateTime={m.nextAttemptAt.toISOString()}>{when(m.nextAttemptAt)}</time>
            </dd>
          </>
        )}
        {m.lastError && (
          <>
            <dt className="text-slate-500">{t("lastError")}</dt>
            <dd className="break-words font-mono text-xs leading-5 text-red-800">{m.lastError}</dd>
          </>
        )}
      </dl>

      <div className="mt-5">
        <MailLinks text={m.text} />
      </div>

      <section aria-labelledby="mail-text" className="mt-5">
        <h2 id="mail-text" className="text-lg font-semibold">
          {t("text")}
        </h2>
        <div className="mt-2">
          <MailText text={m.text} />
        </div>
      </section>

      <section aria-labelledby="mail-html" className="mt-6">
        <h2 id="mail-html" className="text-lg font-semibold">
          {t("html")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("htmlNote")}</p>
        <div className="mt-2">
          <MailHtml html={m.html} subject={m.subject} tall />
        </div>
      </section>
    </article>
  );
}
