import { getTranslations } from "next-intl/server";

/** Says plainly that the programme shown is generated demo data. */
export async function DemoBanner({ show }: { show: boolean }) {
  if (!show) return null;
  const t = await getTranslations("demo");
  return (
    <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {t("banner")}
    </p>
  );
}
