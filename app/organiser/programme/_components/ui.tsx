import Link from "next/link";
import { getTranslations } from "next-intl/server";

export { buttonPrimary, buttonSecondary, card, field } from "~/app/organiser/programme/_components/field-class";

const sections = [
  ["/organiser/programme", "timetable"],
  ["/organiser/programme/sessions", "sessions"],
  ["/organiser/programme/tracks", "tracks"],
  ["/organiser/programme/rooms", "rooms"],
  ["/organiser/programme/speakers", "speakers"],
  ["/organiser/programme/import", "import"],
] as const;

/** The programme editor's sections; the current one is marked for screen readers. */
export async function ProgrammeNav({ current }: { current: (typeof sections)[number][1] }) {
  const t = await getTranslations("organiserNav");
  return (
    <nav aria-label={t("section")} className="mt-3 flex flex-wrap gap-2 text-sm">
      {sections.map(([href, key]) => (
        <Link
          key={key}
          href={href}
          aria-current={key === current ? "page" : undefined}
          className={`rounded-md border px-3 py-1.5 ${
            key === current
              ? "border-brand-700 bg-brand-700 text-white"
              : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"
          }`}
        >
          {t(key)}
        </Link>
      ))}
    </nav>
  );
}

export const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? "";

export function pageParam(v: string | string[] | undefined): number {
  const n = Number.parseInt(one(v), 10);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
