import type { ReactNode } from "react";

/**
 * A counted, scrollable table for paged lists: the count (role=status), an empty state, or the
 * table with its header row. Rows come as children (`<tr>` elements).
 */
export function ListTable({
  count,
  empty,
  isEmpty,
  headers,
  children,
}: {
  count: string;
  empty: string;
  isEmpty: boolean;
  headers: string[];
  children: ReactNode;
}) {
  return (
    <>
      <p className="mt-3 text-sm text-slate-600" role="status">
        {count}
      </p>
      {isEmpty ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{empty}</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {headers.map((h) => (
                  <th key={h} className="px-3 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
