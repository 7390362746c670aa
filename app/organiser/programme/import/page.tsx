import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ImportForm } from "~/app/organiser/programme/import/import-form";
import { ProgrammeNav, card } from "~/app/organiser/programme/_components/ui";
import { requirePageRole } from "~/server/auth/guard";
import { isLocale } from "~/server/i18n/config";
import { inLocaleOf } from "~/server/i18n/translate";
import { COLUMNS, REQUIRED_COLUMNS, headerOf } from "~/server/organiser/io/columns";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserImport");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requirePageRole("ORGANISER", "/organiser/programme/import");
  const [t, tp, locale] = await Promise.all([
    getTranslations("organiserImport"),
    getTranslations("organiserProgramme"),
    getLocale(),
  ]);
  const headers = (keys: readonly (typeof COLUMNS)[number]["key"][]) =>
    inLocaleOf(isLocale(locale) ? locale : null, () => keys.map(headerOf).join(", "));
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <ProgrammeNav current="import" />
      <div className={`${card} mt-4 space-y-2 text-sm`}>
        <p>{t("lead")}</p>
        <p>
          {t("columns", {
            columns: headers(COLUMNS.map((c) => c.key)),
            required: headers(REQUIRED_COLUMNS),
          })}
        </p>
        <p className="text-slate-600">{t("columnsHint")}</p>
        <p className="flex flex-wrap gap-4">
          <a href="/organiser/export/template?format=xlsx" className="text-brand-700 underline" download>
            {t("templateXlsx")}
          </a>
          <a href="/organiser/export/template?format=csv" className="text-brand-700 underline" download>
            {t("templateCsv")}
          </a>
        </p>
      </div>
      <div className={`${card} mt-4`}>
        <ImportForm />
      </div>
      <section className={`${card} mt-6`} aria-labelledby="export">
        <h2 id="export" className="text-lg font-bold">
          {tp("exportTitle")}
        </h2>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <a href="/organiser/export/programme?format=xlsx" className="text-brand-700 underline" download>
            {tp("exportXlsx")}
          </a>
          <a href="/organiser/export/programme?format=csv" className="text-brand-700 underline" download>
            {tp("exportCsv")}
          </a>
        </p>
      </section>
    </section>
  );
}
