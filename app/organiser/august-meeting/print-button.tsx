"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("meetingOrganiser");
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600 print:hidden"
    >
      {t("print")}
    </button>
  );
}
