import { getTranslations } from "next-intl/server";
import { programmeQuery, type ProgrammeFilters } from "~/server/programme/rules";
import { PROGRAMME_VIEWS, type ProgrammeView } from "~/server/programme/view";
import { formatZonedTime } from "~/server/programme/time";
import type { NowAndNext } from "~/server/programme/grid";

/**
 * Cards or compact: two links (no JavaScript) to the switch route, which remembers the choice
 * in the `view` cookie and comes back with `?view=` in the URL.
 */
export async function ViewSwitch({ filters, view }: { filters: ProgrammeFilters; view: ProgrammeView }) {
  const t = await getTranslations("programmeViews");
  const query = programmeQuery(filters);
  return (
    <nav aria-label={t("switchLabel")}>
      <ul className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
        {PROGRAMME_VIEWS.map((v) => (
          <li key={v}>
            <a
              href={`/programme/view${query}${query ? "&" : "?"}view=${v}`}
              aria-current={v === view ? "page" : undefined}
              className={`block rounded px-3 py-1.5 font-medium ${
                v === view ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100"
              }`}
            >
              {t(v)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * «Сейчас идёт / Далее» on the programme of today during the forum: jump links to the slot where
 * what runs now starts and to the next start (ids `slot-<ISO start>`, in both views).
 */
export async function NowAndNextJump({ state, timeZone }: { state: NowAndNext<{ startsAt: Date }>; timeZone: string }) {
  if (state.running.length === 0 && !state.nextAt) return null;
  const t = await getTranslations("programmeViews");
  const first = state.running[0];
  return (
    <nav
      aria-label={t("nowNav")}
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {first && (
          <li>
            <a href={`#slot-${first.startsAt.toISOString()}`} className="font-semibold underline">
              {t("nowLink", { count: state.running.length })}
            </a>
          </li>
        )}
        {state.nextAt && (
          <li>
            <a href={`#slot-${state.nextAt.toISOString()}`} className="underline">
              {t("nextLink", { time: formatZonedTime(state.nextAt, timeZone), count: state.next.length })}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
