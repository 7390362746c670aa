import { getTranslations } from "next-intl/server";
import type { SessionCard } from "~/server/programme/service";
import { buildRoomGrid } from "~/server/programme/grid";
import { formatZonedTime } from "~/server/programme/time";

type Props = {
  /** The day's key: ids stay unique when a search shows several days. */
  day: string;
  sessions: SessionCard[];
  timeZone: string;
  /** Sessions running now and starting next (marked in the list). */
  running: ReadonlySet<string>;
  next: ReadonlySet<string>;
};

/**
 * The compact programme of a day: one list of sessions in time order. On a phone each is one
 * line (time, title, room); from md up the same list is laid out as a time × room grid (CSS grid:
 * rooms in columns, the day's time boundaries in rows, a session spanning its duration). One DOM
 * for both, so the bytes stay low and a screen reader hears a plain list whatever the width; the
 * grid's room and time headers are for the eye only (each item names its own time and room).
 */
export async function CompactView({ day, sessions, timeZone, running, next }: Props) {
  const t = await getTranslations();
  const hidden = sessions.filter((s) => s.timeHidden);
  const grid = buildRoomGrid(sessions.filter((s) => !s.timeHidden));
  const firstOfStart = new Set<string>();
  const seenStart = new Set<number>();
  const items = grid.rows.flatMap((row, r) =>
    row.cells.flatMap((cell, c) => (cell?.kind === "session" ? [{ ...cell, r, c }] : [])),
  );
  for (const it of items) {
    const at = it.session.startsAt.getTime();
    if (!seenStart.has(at)) {
      seenStart.add(at);
      firstOfStart.add(it.session.id);
    }
  }
  const cols = grid.columns.length;
  return (
    <div className="mt-4 space-y-4">
      {hidden.length > 0 && (
        <section aria-labelledby={`closed-${day}`} className="text-sm">
          <h2 id={`closed-${day}`} className="font-bold text-slate-800">
            {t("programme.closedOfDay")}
          </h2>
          <ul className="mt-1">
            {hidden.map((s) => (
              <li key={s.id}>
                <a href={`/sessions/${s.id}`} className="text-brand-700 underline">
                  {s.title}
                </a>{" "}
                <span className="text-slate-600">— {t("session.timeHidden")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {items.length > 0 && (
        <div className="md:overflow-x-auto">
          <ol
            aria-label={t("programmeViews.listLabel")}
            className="compact-grid divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white md:gap-1 md:divide-y-0 md:border-0 md:bg-transparent"
            style={{
              ["--cols" as string]: String(cols),
              ["--rows" as string]: String(grid.rows.length),
            }}
          >
            <li aria-hidden="true" className="hidden md:block" style={{ gridRow: 1, gridColumn: 1 }}>
              <span className="text-xs font-semibold text-slate-600">{t("programmeViews.time")}</span>
            </li>
            {grid.columns.map((col, c) => (
              <li
                key={col.key}
                aria-hidden="true"
                className="hidden text-xs font-semibold text-slate-700 md:block"
                style={{ gridRow: 1, gridColumn: c + 2 }}
              >
                {col.name ?? t("programmeViews.noRoom")}
              </li>
            ))}
            {grid.rows.map((row, r) => (
              <li
                key={row.at.toISOString()}
                aria-hidden="true"
                className="hidden text-xs font-semibold text-slate-600 md:block"
                style={{ gridRow: r + 2, gridColumn: 1 }}
              >
                {formatZonedTime(row.at, timeZone)}
              </li>
            ))}
            {items.map(({ session: s, rowSpan, r, c }) => {
              const mark = running.has(s.id) ? "now" : next.has(s.id) ? "next" : null;
              const cancelled = s.status === "CANCELLED";
              return (
                <li
                  key={s.id}
                  id={firstOfStart.has(s.id) ? `slot-${s.startsAt.toISOString()}` : undefined}
                  className={`scroll-mt-4 md:rounded md:border md:bg-white ${mark === "now" ? "bg-amber-50 md:border-amber-500" : mark === "next" ? "bg-sky-50 md:border-slate-200" : "md:border-slate-200"}`}
                  style={{
                    gridRow: `${r + 2} / span ${rowSpan}`,
                    gridColumn: c + 2,
                    borderLeft: `4px solid ${s.track?.color ?? "#64748b"}`,
                  }}
                >
                  <a
                    href={`/sessions/${s.id}`}
                    title={s.title}
                    className="flex items-baseline gap-2 px-2 py-2 text-sm hover:bg-slate-50 md:block md:px-1.5 md:py-1 md:text-xs"
                  >
                    <span className="shrink-0 tabular-nums text-slate-600">
                      {formatZonedTime(s.startsAt, timeZone)}
                      <span className="sr-only md:not-sr-only">–{formatZonedTime(s.endsAt, timeZone)}</span>
                    </span>
                    {mark && (
                      <span className="sr-only font-semibold text-amber-800 md:not-sr-only md:block">
                        {t(mark === "now" ? "programmeViews.nowMark" : "programmeViews.nextMark")}
                      </span>
                    )}
                    <span
                      className={`min-w-0 flex-1 truncate font-medium text-slate-900 md:line-clamp-4 md:whitespace-normal ${cancelled ? "line-through" : ""}`}
                    >
                      {s.title}
                      {cancelled && <span className="sr-only"> — {t("session.cancelled")}</span>}
                    </span>
                    <span className="max-w-[30%] shrink-0 truncate text-xs text-slate-600 md:sr-only">
                      {s.room ? s.room.name : t("programmeViews.noRoom")}
                    </span>
                  </a>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
