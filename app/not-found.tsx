import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="mx-auto max-w-xl py-10 text-center">
      <p className="text-5xl font-bold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("notFound")}</p>
      <div className="mt-6 flex justify-center gap-4">
        <Link href="/" className="text-brand-700 underline">
          {t("toHome")}
        </Link>
        <Link href="/programme" className="text-brand-700 underline">
          {t("toProgramme")}
        </Link>
      </div>
    </section>
  );
}
