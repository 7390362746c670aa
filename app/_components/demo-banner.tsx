import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { DEMO_NOTE_COOKIE, DEMO_NOTE_HIDDEN } from "~/server/programme/view";

/**
 * Says plainly that the programme shown is generated demo data: one short line that opens to the
 * explanation (a <details>, no client code), so that on a phone it is neither the largest element
 * of the first screen (Lighthouse's LCP) nor in the way. «Скрыть» is a plain form that sets the
 * `demo` cookie (app/preferences/demo-note/route.ts); guest pages are cached per value of it.
 */
export async function DemoBanner({ show, back }: { show: boolean; back?: string }) {
  if (!show) return null;
  if ((await cookies()).get(DEMO_NOTE_COOKIE)?.value === DEMO_NOTE_HIDDEN) return null;
  const [t, ta, tv] = await Promise.all([
    getTranslations("demo"),
    getTranslations("a11y"),
    getTranslations("programmeViews"),
  ]);
  return (
    <div role="note" className="mb-4 flex items-start gap-2 text-sm text-amber-900">
      <details className="inline-block rounded-md border border-amber-300 bg-amber-50 px-3 py-1">
        <summary className="cursor-pointer font-medium">{ta("demoSummary")}</summary>
        <p className="mt-1 pb-1">{t("banner")}</p>
      </details>
      <form method="post" action="/preferences/demo-note">
        {back && <input type="hidden" name="back" value={back} />}
        <button
          type="submit"
          aria-label={tv("hideDemoLabel")}
          className="rounded-md border border-amber-300 bg-white px-2 py-1 font-medium hover:bg-amber-50"
        >
          {tv("hideDemo")}
        </button>
      </form>
    </div>
  );
}
