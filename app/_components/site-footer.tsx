import { getTranslations } from "next-intl/server";
import { TimeZoneSwitch } from "~/app/_components/time-zone-switch";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-5xl px-4 py-4 text-sm text-slate-600">
        <p>{t("text")}</p>
        <p>{t("anniversary")}</p>
        <div className="mt-2">
          <TimeZoneSwitch />
        </div>
      </div>
    </footer>
  );
}
