import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { ConsoleNav } from "~/app/organiser/august-meeting/console-nav";
import { requirePageRole } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetingQuestions");
  return { title: t("title") };
}

/** Questions and proposals of the applicants, by agenda topic, for preparing the meeting. */
export default async function QuestionsPage() {
  await requirePageRole("ORGANISER", "/organiser/august-meeting/questions");
  const api = await serverApi();
  const [{ topics, total }, t] = await Promise.all([api.meeting.questions(), getTranslations()]);
  return (
    <div>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("meetingQuestions.title")}</h1>
      <ConsoleNav current="questions" />
      <p className="mt-3 text-sm text-slate-600">{t("meetingQuestions.lead", { count: total })}</p>
      <div className="mt-3 flex flex-wrap gap-2 print:hidden">
        <a
          href="/organiser/august-meeting/questions/export"
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600"
        >
          {t("meetingOrganiser.exportCsv")}
        </a>
        <a
          href="/organiser/august-meeting/questions/export?format=xlsx"
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600"
        >
          {t("meetingOrganiser.exportXlsx")}
        </a>
      </div>
      {topics.map((g) => (
        <section key={g.topic ?? "none"} aria-labelledby={`topic-${g.topic ?? "none"}`} className="mt-8">
          <h2 id={`topic-${g.topic ?? "none"}`} className="text-lg font-bold">
            {g.topic ? t(`meetingTopics.${g.topic}`) : t("meetingExport.noTopic")}{" "}
            <span className="font-normal text-slate-600">({g.items.length})</span>
          </h2>
          {g.items.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("meetingQuestions.empty")}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {g.items.map((q) => (
                <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-3">
                  <p className="whitespace-pre-line">{q.question}</p>
                  <p className="mt-1 text-sm text-slate-600">
                    {[q.name, q.position, q.authorityName, q.region].filter(Boolean).join(" · ")} ·{" "}
                    {t(`meetingStatuses.${q.status}`)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
