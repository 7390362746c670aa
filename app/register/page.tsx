import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegisterAgainForm } from "~/app/register/register-again-form";
import { RegisterForm } from "~/app/register/register-form";
import { serverApi } from "~/app/_trpc/server";
import { CONSENT_VERSION, PARTICIPANT_CATEGORIES, type WindowState } from "~/server/account/rules";
import { getSessionUser } from "~/server/auth/session";
import { forumTimeZone } from "~/server/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const box = "mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6";

export default async function RegisterPage({ searchParams }: Props) {
  const { cancelled } = await searchParams;
  const viewer = await getSessionUser();
  const api = await serverApi();
  const [{ window, regions }, questions, mine, t, tc, format] = await Promise.all([
    api.account.registrationForm(),
    api.questions.form(),
    viewer ? api.account.registerAgainState() : null,
    getTranslations("registration"),
    getTranslations("categories"),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: forumTimeZone });
  const windowText = (w: Exclude<WindowState, { state: "open" }>) =>
    w.state === "not-yet"
      ? t("notYet", { date: when(w.opensAt) })
      : w.state === "closed"
        ? t("closed", { date: when(w.closedAt) })
        : t("full");
  const formProps = {
    regions: regions.map((r) => ({ value: String(r.id), label: r.name })),
    categories: PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: tc(c) })),
    consentText: t("consentText"),
    consentVersion: CONSENT_VERSION,
    questions,
  };

  if (mine?.state === "active") {
    return (
      <section className={`${box} text-center`}>
        <h1 className="text-2xl font-bold">{t("alreadyTitle")}</h1>
        <p className="mt-3 text-slate-800">{t("alreadyLead")}</p>
        <p className="mt-5 flex flex-wrap justify-center gap-4">
          <Link href="/my" className="text-brand-700 underline">
            {t("toMy")}
          </Link>
          <Link href="/account" className="text-brand-700 underline">
            {t("toAccount")}
          </Link>
        </p>
      </section>
    );
  }

  // Cancelled: the account stays, and the same registration can be brought back (no new password).
  if (mine?.state === "cancelled") {
    const explained = Boolean(cancelled);
    return (
      <section className="mx-auto max-w-2xl">
        <h1 className="text-2xl font-bold sm:text-3xl">{explained ? t("cancelledTitle") : t("againTitle")}</h1>
        {explained ? (
          <p role="status" className="mt-2 text-slate-800">
            {t("cancelledLead")}
          </p>
        ) : (
          mine.cancelledAt && <p className="mt-2 text-slate-800">{t("againLead", { date: when(mine.cancelledAt) })}</p>
        )}
        {mine.window.state !== "open" ? (
          <p className="mt-3 text-slate-800">{t("againClosed", { reason: windowText(mine.window) })}</p>
        ) : (
          <>
            <p className="mt-2 text-slate-700">{t("cancelledHow")}</p>
            {explained && <h2 className="mt-6 text-xl font-bold">{t("againTitle")}</h2>}
            <RegisterAgainForm
              {...formProps}
              previous={{
                category: mine.previous.category,
                regionId: mine.previous.regionId ? String(mine.previous.regionId) : "",
              }}
            />
          </>
        )}
      </section>
    );
  }

  if (window.state !== "open") {
    return (
      <section className={`${box} text-center`}>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="status" className="mt-3 text-slate-800">
          {windowText(window)}
        </p>
        <Link href="/programme" className="mt-5 inline-block text-brand-700 underline">
          {t("toProgramme")}
        </Link>
      </section>
    );
  }

  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("lead")}</p>
      {cancelled && !viewer && (
        // Signed out after cancelling: registering again needs the old account, not a new one.
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("cancelledGuestHow")}{" "}
          <Link href="/signin?next=/register" className="text-brand-900 underline">
            {t("signIn")}
          </Link>
        </p>
      )}
      <p className="mt-2 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
      <RegisterForm {...formProps} />
    </section>
  );
}
