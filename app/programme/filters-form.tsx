import { getTranslations } from "next-intl/server";
import { SEARCH_MAX_LENGTH, SESSION_FORMATS, type ProgrammeFilters } from "~/server/programme/rules";

type Props = {
  filters: ProgrammeFilters;
  tracks: { code: string; title: string }[];
  /** The view named in the URL, kept by the form so that the URL keeps winning. */
  view?: string | null;
};

/**
 * A plain GET form: filtering works without JavaScript and the URL can be shared. On a phone it
 * folds behind one «Фильтры» button (a <details>, no script) that says how many filters are on;
 * from md up it is always open (globals.css `.filters-fold`).
 */
export async function ProgrammeFiltersForm({ filters, tracks, view }: Props) {
  const t = await getTranslations();
  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  const active = [filters.track, filters.format, filters.q].filter(Boolean).length;
  return (
    <details className="filters-fold mt-5">
      <summary className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800">
        {t("programmeViews.filtersToggle")}
        {active > 0 && (
          <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs text-white">
            {t("programmeViews.filtersActive", { count: active })}
          </span>
        )}
      </summary>
      <form
        method="get"
        action="/programme"
        role="search"
        aria-label={t("programme.filters")}
        className="mt-2 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1.3fr_auto]"
      >
        <input type="hidden" name="day" value={filters.day} />
        {view && <input type="hidden" name="view" value={view} />}
        <label className="text-sm font-medium text-slate-700">
          {t("programme.track")}
          <select name="track" defaultValue={filters.track ?? ""} className={field}>
            <option value="">{t("programme.allTracks")}</option>
            {tracks.map((tr) => (
              <option key={tr.code} value={tr.code}>
                {tr.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("programme.format")}
          <select name="format" defaultValue={filters.format ?? ""} className={field}>
            <option value="">{t("programme.allFormats")}</option>
            {SESSION_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("programme.search")}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder={t("programme.searchPlaceholder")}
            className={field}
          />
        </label>
        <div className="flex items-end">
          <button
            type="submit"
            className="w-full rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
          >
            {t("programme.apply")}
          </button>
        </div>
      </form>
    </details>
  );
}
