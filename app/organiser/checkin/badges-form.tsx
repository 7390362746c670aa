import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/** A plain GET form: the PDF downloads without JavaScript. */
export async function BadgesForm() {
  const api = await serverApi();
  const [tracks, form, t, tc] = await Promise.all([
    api.programmeAdmin.tracks(),
    api.account.registrationForm(),
    getTranslations("badges"),
    getTranslations("categories"),
  ]);
  return (
    <form method="get" action="/organiser/badges.pdf" className="grid gap-3 sm:grid-cols-2">
      <label className="text-sm font-medium">
        {t("track")}
        <select name="trackId" className={control} defaultValue="">
          <option value="">{t("any")}</option>
          {tracks.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.title}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("category")}
        <select name="category" className={control} defaultValue="">
          <option value="">{t("any")}</option>
          {PARTICIPANT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {tc(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("region")}
        <select name="regionId" className={control} defaultValue="">
          <option value="">{t("any")}</option>
          {form.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 self-end text-sm font-medium">
        <input type="checkbox" name="notPrinted" value="1" defaultChecked />
        {t("notPrinted")}
      </label>
      <div className="sm:col-span-2">
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
        >
          {t("download")}
        </button>
      </div>
    </form>
  );
}
