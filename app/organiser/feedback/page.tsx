import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { NumbersTable } from "~/app/organiser/dashboard/figure";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("feedbackReport"))("title") };
}

/** Comments shown per session here; the export has them all. */
const COMMENTS_SHOWN = 50;
const MARKS = [1, 2, 3, 4, 5] as const;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const button =
  "inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:border-brand-600";

/** Feedback per track and per session: average, count, the marks 1–5, the comments (no names). */
export default async function FeedbackPage() {
  const me = await requirePageRole("ORGANISER", "/organiser/feedback");
  if ((await trackScope(await getDb(), me)) !== "all") forbidden();
  const api = await serverApi();
  const [report, t, format] = await Promise.all([
    api.feedback.report({ commentsPerSession: COMMENTS_SHOWN }),
    getTranslations("feedbackReport"),
    getFormatter(),
  ]);
  const tz = report.timeZone;
  const when = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: tz });
  const marks = MARKS.map((mark) => t("mark", { mark }));
  const track = (title: string | null) => title ?? t("noTrack");

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        <p className="mt-2 text-sm">
          <Link href="/organiser/dashboard" className="text-brand-700 underline">
            {t("toDashboard")}
          </Link>
        </p>
      </header>

      <div className={card}>
        <h2 className="text-lg font-bold">{t("export")}</h2>
        <p className="mt-2 flex flex-wrap gap-2">
          <a href="/organiser/export/feedback?format=csv" className={button} download>
            {t("csv")}
          </a>
          <a href="/organiser/export/feedback?format=xlsx" className={button} download>
            {t("xlsx")}
          </a>
        </p>
      </div>

      {report.sessions.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <>
          <div className={card}>
            <h2 className="text-lg font-bold">{t("byTrack")}</h2>
            <NumbersTable
              caption={t("byTrack")}
              captionHidden
              table={{
                head: [t("track"), t("sessions"), t("n"), t("average"), ...marks],
                rows: report.tracks.map((x) => [
                  track(x.title),
                  x.sessions,
                  x.n,
                  format.number(x.average),
                  ...x.distribution,
                ]),
              }}
            />
          </div>

          <div className={card}>
            <h2 className="text-lg font-bold">{t("bySession")}</h2>
            <NumbersTable
              caption={t("bySession")}
              captionHidden
              table={{
                head: [t("session"), t("track"), t("n"), t("average"), ...marks],
                rows: report.sessions.map((s) => [
                  s.title,
                  track(s.trackTitle),
                  s.n,
                  format.number(s.average),
                  ...s.distribution,
                ]),
              }}
            />
          </div>

          <section aria-labelledby="comments" className={card}>
            <h2 id="comments" className="text-lg font-bold">
              {t("comments")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("commentsLimited", { count: COMMENTS_SHOWN })}</p>
            <ul className="mt-3 space-y-4">
              {report.sessions.map((s) => {
                const comments = report.comments.filter((c) => c.sessionId === s.id);
                return (
                  <li key={s.id}>
                    <h3 className="font-semibold break-words">{t("commentsOf", { title: s.title })}</h3>
                    {comments.length === 0 ? (
                      <p className="text-sm text-slate-600">{t("noComments")}</p>
                    ) : (
                      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
                        {comments.map((c, i) => (
                          <li key={i} className="break-words">
                            {t("rating")} {c.rating} · {when(c.createdAt)}: {c.comment}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
