import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkRequestForm, PasswordSignInForm } from "~/app/signin/signin-forms";
import { getSessionUser } from "~/server/auth/session";
import { safeNextPath } from "~/server/auth/redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : undefined);
  if (await getSessionUser()) redirect(next);
  const t = await getTranslations("signin");
  const notice = params.confirmed
    ? t("confirmed")
    : params.reset
      ? t("reset")
      : params.signedOut
        ? t("signedOut")
        : null;
  return (
    <div className="mx-auto grid max-w-3xl gap-6 md:grid-cols-2">
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {notice && (
          <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            {notice}
          </p>
        )}
        <PasswordSignInForm next={next} />
        <p className="mt-4 text-sm">
          <Link href="/reset" className="text-brand-700 underline">
            {t("forgot")}
          </Link>
        </p>
        <p className="mt-2 text-sm text-slate-600">
          {t("noAccount")}{" "}
          <Link href="/register" className="text-brand-700 underline">
            {t("register")}
          </Link>
        </p>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-lg font-bold">{t("linkTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("linkLead")}</p>
        <LinkRequestForm />
      </section>
    </div>
  );
}
