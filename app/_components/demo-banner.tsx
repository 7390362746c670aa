import { getTranslations } from "next-intl/server";

/**
 * Says plainly that the programme shown is generated demo data: one short line that opens to the
 * explanation (a <details>, no client code), so that on a phone it is neither the largest element
 * of the first screen (Lighthouse's LCP) nor in the way.
 */
export async function DemoBanner({ show }: { show: boolean }) {
  if (!show) return null;
  const [t, ta] = await Promise.all([getTranslations("demo"), getTranslations("a11y")]);
  return (
    <div role="note" className="mb-4 text-sm text-amber-900">
      <details className="inline-block rounded-md border border-amber-300 bg-amber-50 px-3 py-1">
        <summary className="cursor-pointer font-medium">{ta("demoSummary")}</summary>
        <p className="mt-1 pb-1">{t("banner")}</p>
      </details>
    </div>
  );
}
