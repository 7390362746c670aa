"use client";

import en from "~/server/i18n/messages/en/common.json";
import ru from "~/server/i18n/messages/ru/common.json";

// No i18n provider on guest pages (app/_components/client-intl.tsx): the boundary reads its few
// texts itself, in the page's language (<html lang>), so that every page does not load
// next-intl's client for it.
const textFor = (): typeof ru.errors =>
  typeof document !== "undefined" && document.documentElement.lang === "en" ? en.errors : ru.errors;

/** A failure inside: a plain message and the id that the server log carries (never the error's text). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = textFor();
  return (
    <section role="alert" className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-bold">{text.errorTitle}</h1>
      <p className="mt-3 text-slate-700">{text.error}</p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">{text.errorId.replace("{id}", error.digest)}</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
      >
        {text.retry}
      </button>
    </section>
  );
}
