import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <section className="mx-auto max-w-xl py-10 text-center">
      <p className="text-5xl font-bold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("text")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("toHome")}
      </Link>
    </section>
  );
}
