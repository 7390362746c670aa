import { LazyChart } from "~/app/organiser/dashboard/client";
import type { ChartSpec } from "~/app/organiser/dashboard/chart";

export type DataTable = {
  head: readonly string[];
  /** The first cell of a row names it (a row header). */
  rows: readonly (readonly (string | number)[])[];
};

/**
 * The numbers as a real table with a caption; the first column heads its row. The table scrolls
 * sideways inside its box on a narrow screen (the page never does); the box takes the keyboard
 * focus so that it can be scrolled without a mouse.
 */
export function NumbersTable({
  caption,
  table,
  captionHidden,
}: {
  caption: string;
  table: DataTable;
  captionHidden?: boolean;
}) {
  return (
    <div className="mt-2 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className={`w-full text-left text-sm ${table.head.length > 3 ? "min-w-[32rem]" : ""}`}>
        <caption className={captionHidden ? "sr-only" : "mb-1 text-left font-semibold"}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {table.head.map((h, i) => (
              <th key={i} scope="col" className={`py-1 pr-3 ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-slate-100">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="py-1 pr-3 font-normal break-words">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="py-1 pr-3 text-right tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart with its numbers: a heading, the canvas (an image whose label points to the table), and
 * the table under «Таблица данных». With no data, the empty text instead of both.
 */
export function ChartFigure({
  id,
  title,
  spec,
  table,
  empty,
  texts,
}: {
  id: string;
  title: string;
  spec: ChartSpec;
  table: DataTable;
  empty: string;
  texts: { tableData: string; chartLabel: string };
}) {
  const bars = spec.horizontal ? spec.labels.length : 0;
  const height = spec.horizontal ? Math.max(160, bars * 28 + 60) : 240;
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-chart={id}>
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {table.rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <>
          <div className="relative mt-2 w-full" style={{ height }}>
            <LazyChart spec={spec} label={texts.chartLabel} />
          </div>
          <details className="mt-2">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{texts.tableData}</summary>
            <NumbersTable caption={title} table={table} />
          </details>
        </>
      )}
    </div>
  );
}
