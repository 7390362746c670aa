import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegisterForm } from "~/app/register/register-form";
import { serverApi } from "~/app/_trpc/server";
import { CONSENT_VERSION, PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import { forumTimeZone } from "~/server/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration");
  return { title: t("title") };
}

export default async function RegisterPage() {
  const api = await serverApi();
  const [{ window, regions }, t, tc, format] = await Promise.all([
    api.account.registrationForm(),
    getTranslations("registration"),
    getTranslations("categories"),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: forumTimeZone });

  if (window.state !== "open") {
    const text =
      window.state === "not-yet"
        ? t("notYet", { date: when(window.opensAt) })
        : window.state === "closed"
          ? t("closed", { date: when(window.closedAt) })
          : t("full");
    return (
      <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="status" className="mt-3 text-slate-800">
          {text}
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
      <p className="mt-2 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </p>
      <RegisterForm
        regions={regions.map((r) => ({ value: String(r.id), label: r.name }))}
        categories={PARTICIPANT_CATEGORIES.map((c) => ({ value: c, label: tc(c) }))}
        consentText={t("consentText")}
        consentVersion={CONSENT_VERSION}
      />
    </section>
  );
}
