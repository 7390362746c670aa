import { getLocale, getTranslations } from "next-intl/server";
import { defaultLocale, type Locale } from "~/server/i18n/config";

/**
 * The language switch of every page: a plain form (works without JavaScript) that posts the
 * other language to /preferences, which sets the `lang` cookie (and a signed-in person's
 * profile) and sends the browser back to the same page. The button is written in the language
 * it switches to.
 */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  const other: Locale = locale === defaultLocale ? "en" : "ru";
  return (
    <form action="/preferences" method="post">
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("switchToLabel")}
        className="rounded-md px-2 py-1.5 text-slate-700 underline-offset-2 hover:text-brand-700 hover:underline"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
