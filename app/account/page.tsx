import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  CancelRegistrationForm,
  ChangePasswordForm,
  DeleteAccountForm,
  EmailChangeForm,
  ProfileForm,
} from "~/app/account/account-forms";
import { AnswersForm } from "~/app/account/answers-form";
import { rawAnswer } from "~/app/_components/answer-values";
import { signOutAction } from "~/app/signin/actions";
import { serverApi } from "~/app/_trpc/server";
import { formatPhone } from "~/server/account/phone";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import { getSessionUser } from "~/server/auth/session";
import { forumTimeZone } from "~/server/i18n/config";
import { answerText } from "~/server/questions/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accountPage");
  return { title: t("title") };
}

const card = "rounded-lg border border-slate-200 bg-white p-4 sm:p-6";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const { passwordChanged } = await searchParams;
  if (!(await getSessionUser())) redirect("/signin?next=/account");
  const api = await serverApi();
  const [{ account, registration }, form, t, tc, ta, format] = await Promise.all([
    api.account.me(),
    api.account.registrationForm(),
    getTranslations("accountPage"),
    getTranslations("categories"),
    getTranslations("answerForm"),
    getFormatter(),
  ]);
  const active = registration && registration.status !== "CANCELLED";
  const mine = active ? await api.questions.mine() : null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: forumTimeZone });
  const regions = form.regions.map((r) => ({ value: String(r.id), label: r.name }));
  const categories = PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: tc(c) }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("signedInAs", { email: account.email })}</p>
        </div>
        <form action={signOutAction} data-offline-clear>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {t("signOut")}
          </button>
        </form>
      </div>

      {passwordChanged && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {t("passwordChanged")}
        </p>
      )}

      <section className={card} aria-labelledby="status">
        <h2 id="status" className="text-lg font-bold">
          {t("status")}
        </h2>
        {registration ? (
          <>
            <p className="mt-1">
              {registration.edition.name}: <strong>{t(`statuses.${registration.status}`)}</strong>
            </p>
            {registration.status === "PENDING" && <p className="mt-1 text-sm text-amber-800">{t("pendingNote")}</p>}
            {registration.status === "CANCELLED" && (
              <p className="mt-1 text-sm">
                {t("cancelledNote")}{" "}
                <Link href="/register" className="text-brand-700 underline">
                  {t("registerAgain")}
                </Link>
              </p>
            )}
          </>
        ) : (
          <p className="mt-1">
            {t("noRegistration")}{" "}
            <Link href="/register" className="text-brand-700 underline">
              {t("registerNow")}
            </Link>
          </p>
        )}
      </section>

      {active && (
        <section className={card} aria-labelledby="profile">
          <h2 id="profile" className="text-lg font-bold">
            {t("profile")}
          </h2>
          <ProfileForm
            regions={regions}
            categories={categories}
            initial={{
              surname: registration.surname,
              firstName: registration.firstName,
              patronymic: registration.patronymic ?? "",
              phone: formatPhone(registration.phone),
              regionId: registration.regionId ? String(registration.regionId) : "",
              organisation: registration.organisation,
              position: registration.position,
              category: registration.category,
              cluster: registration.cluster ?? "",
            }}
          />
        </section>
      )}

      {mine && mine.questions.length > 0 && (
        <section className={card} aria-labelledby="answers">
          <h2 id="answers" className="text-lg font-bold">
            {ta("title")}
          </h2>
          {mine.editable ? (
            <>
              <p className="mt-1 text-sm text-slate-700">
                {mine.closesAt ? ta("editableUntil", { date: when(mine.closesAt) }) : ta("editable")}
              </p>
              <AnswersForm
                questions={mine.questions}
                initial={Object.fromEntries(mine.questions.map((q) => [`q_${q.id}`, rawAnswer(mine.answers[q.id])]))}
                categoryLabels={Object.fromEntries(categories.map((c) => [c.value, c.label]))}
              />
            </>
          ) : (
            <>
              <p className="mt-1 text-sm text-slate-700">{ta("closed", { date: when(mine.closesAt ?? new Date()) })}</p>
              <dl className="mt-3 space-y-3">
                {mine.questions.map((q) => (
                  <div key={q.id}>
                    <dt className="text-sm font-medium text-slate-800">{q.label}</dt>
                    <dd className="text-sm text-slate-700">
                      {answerText(q, mine.answers[q.id], { yes: ta("yes"), no: ta("no") }) || ta("noAnswer")}
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section className={card} aria-labelledby="email">
          <h2 id="email" className="text-lg font-bold">
            {t("emailTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{account.email}</p>
          <EmailChangeForm />
        </section>
        <section className={card} aria-labelledby="password">
          <h2 id="password" className="text-lg font-bold">
            {t("passwordTitle")}
          </h2>
          <ChangePasswordForm />
        </section>
      </div>

      <section className={card} aria-labelledby="data">
        <h2 id="data" className="text-lg font-bold">
          {t("dataTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("dataLead")}</p>
        {registration && (
          <p className="mt-1 text-sm text-slate-600">
            {t("consent", {
              date: format.dateTime(registration.consentAt, {
                dateStyle: "long",
                timeStyle: "short",
                timeZone: forumTimeZone,
              }),
              version: registration.consentVersion,
            })}
          </p>
        )}
        <a href="/account/export" download className="mt-3 inline-block text-brand-700 underline">
          {t("download")}
        </a>
      </section>

      {active && (
        <section className={card} aria-labelledby="cancel">
          <h2 id="cancel" className="text-lg font-bold">
            {t("cancelTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("cancelLead")}</p>
          <CancelRegistrationForm />
        </section>
      )}

      <section className={`${card} border-red-200`} aria-labelledby="delete">
        <h2 id="delete" className="text-lg font-bold text-red-800">
          {t("deleteTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("deleteLead")}</p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
