import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { card } from "~/app/organiser/programme/_components/field-class";
import { one } from "~/app/organiser/programme/_components/ui";
import { RegistrationNav } from "~/app/organiser/registration/nav";
import { MoveButtons, RemoveQuestion, RestoreButton } from "~/app/organiser/registration/questions/list-controls";
import { QuestionForm } from "~/app/organiser/registration/questions/question-form";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import { requirePageRole } from "~/server/auth/guard";
import { isChoice } from "~/server/questions/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questionEditor");
  return { title: t("title") };
}

const DONE = ["created", "saved", "deleted", "archived", "restored", "moved"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuestionEditorPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/registration/questions");
  const api = await serverApi();
  const [questions, t, tc, params] = await Promise.all([
    api.questions.editor(),
    getTranslations("questionEditor"),
    getTranslations("categories"),
    searchParams,
  ]);
  const done = DONE.find((d) => d === one(params.done));
  const active = questions.filter((q) => !q.archivedAt);
  const archived = questions.filter((q) => q.archivedAt);
  const categories = PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: tc(c) }));
  const shownTo = (list: readonly string[]) =>
    list.length === 0 ? t("forAll") : list.map((c) => tc(c as never)).join(", ");

  return (
    <section className="min-w-0">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <RegistrationNav current="navQuestions" />
      <p className="mt-3 max-w-3xl text-slate-700">{t("lead")}</p>
      {done && (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900"
        >
          {t(`done.${done}`)}
        </p>
      )}

      <section className="mt-6" aria-labelledby="questions-list">
        <h2 id="questions-list" className="text-lg font-bold">
          {t("listTitle")}
        </h2>
        {active.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("empty")}</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {active.map((q, i) => (
              <li key={q.id} id={`q-${q.id}`} className={`${card} scroll-mt-4`} data-question={q.label}>
                <h3 className="font-semibold break-words">
                  <span className="text-slate-500">{i + 1}. </span>
                  {q.label}
                </h3>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-slate-600">{t("kindLabel")}</dt>
                  <dd>
                    {t(`kinds.${q.kind}`)} · {q.required ? t("requiredMark") : t("optionalMark")}
                  </dd>
                  <dt className="text-slate-600">{t("shownTo")}</dt>
                  <dd>{shownTo(q.categories)}</dd>
                  {isChoice(q.kind) && (
                    <>
                      <dt className="text-slate-600">{t("optionsList")}</dt>
                      <dd className="break-words">{q.options.map((o) => o.label).join("; ")}</dd>
                    </>
                  )}
                  {q.help && (
                    <>
                      <dt className="text-slate-600">{t("helpText")}</dt>
                      <dd className="break-words">{q.help}</dd>
                    </>
                  )}
                </dl>
                <p className="mt-1 text-sm text-slate-600">{t("answers", { count: q.answerCount })}</p>
                <div className="mt-3 flex flex-wrap items-start gap-2">
                  <MoveButtons id={q.id} label={q.label} first={i === 0} last={i === active.length - 1} />
                  <Link
                    href={`/organiser/registration/questions/${q.id}`}
                    aria-label={t("editLabel", { label: q.label })}
                    className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:border-brand-600"
                  >
                    {t("edit")}
                  </Link>
                  <RemoveQuestion id={q.id} label={q.label} answerCount={q.answerCount} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className={`${card} mt-6`} aria-labelledby="new-question">
        <h2 id="new-question" className="mb-3 text-lg font-bold">
          {t("newTitle")}
        </h2>
        <QuestionForm categories={categories} />
      </section>

      <section className="mt-8" aria-labelledby="archive">
        <h2 id="archive" className="text-lg font-bold">
          {t("archiveTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("archiveLead")}</p>
        {archived.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("archiveEmpty")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {archived.map((q) => (
              <li key={q.id} id={`q-${q.id}`} className={card} data-question={q.label}>
                <p className="font-semibold break-words">{q.label}</p>
                <p className="mt-1 text-sm text-slate-600">
                  {t(`kinds.${q.kind}`)} · {t("answers", { count: q.answerCount })}
                </p>
                <div className="mt-2">
                  <RestoreButton id={q.id} label={q.label} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
