"use client";

import { useTranslations } from "next-intl";

/** A failure inside: a plain message and the id that the server log carries (never the error's text). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section role="alert" className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("error")}</p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">{t("errorId", { id: error.digest })}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
      >
        {t("retry")}
      </button>
    </section>
  );
}
