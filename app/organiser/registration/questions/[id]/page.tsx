import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { card } from "~/app/organiser/programme/_components/field-class";
import { RegistrationNav } from "~/app/organiser/registration/nav";
import { QuestionForm } from "~/app/organiser/registration/questions/question-form";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import { requirePageRole } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("questionEditor");
  return { title: t("editTitle") };
}

export default async function EditQuestionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole("ORGANISER", `/organiser/registration/questions/${encodeURIComponent(id)}`);
  const api = await serverApi();
  const [questions, t, tc] = await Promise.all([
    api.questions.editor(),
    getTranslations("questionEditor"),
    getTranslations("categories"),
  ]);
  const question = questions.find((q) => q.id === id);
  if (!question) notFound();
  return (
    <section className="min-w-0">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("editTitle")}</h1>
      <RegistrationNav current="navQuestions" />
      <p className="mt-3">
        <Link href="/organiser/registration/questions" className="text-brand-700 underline hover:text-brand-900">
          {t("back")}
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-600">{t("answers", { count: question.answerCount })}</p>
      <div className={`${card} mt-4`}>
        <QuestionForm
          initial={{
            id: question.id,
            kind: question.kind,
            label: question.label,
            help: question.help,
            required: question.required,
            categories: question.categories,
            options: question.options,
            answerCount: question.answerCount,
          }}
          categories={PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: tc(c) }))}
        />
      </div>
    </section>
  );
}
