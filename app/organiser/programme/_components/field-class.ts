/** Tailwind classes of the programme editor's controls (shared by server and client components). */
export const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 sm:text-sm aria-[invalid=true]:border-red-600 disabled:bg-slate-100";
export const buttonPrimary =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:cursor-wait disabled:opacity-60";
export const buttonSecondary =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:border-brand-600 hover:text-brand-700 disabled:opacity-60";
export const buttonDanger =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60";
export const card = "rounded-lg border border-slate-200 bg-white p-4";
