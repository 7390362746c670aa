import Link from "next/link";
import type { getTranslations } from "next-intl/server";

type T = Awaited<ReturnType<typeof getTranslations<"organiserNav">>>;

/** The organiser home's links into the programme editor (and, for admins, audit and track editors). */
export function ProgrammeLinks({ admin, t }: { admin: boolean; t: T }) {
  const links: [string, string][] = [
    ["/organiser/programme", t("programme")],
    ["/organiser/programme/sessions", t("sessions")],
    ["/organiser/programme/tracks", t("tracks")],
    ["/organiser/programme/rooms", t("rooms")],
    ["/organiser/programme/speakers", t("speakers")],
    ["/organiser/programme/import", t("import")],
    ["/programme/changes", t("changes")],
  ];
  if (admin) links.push(["/admin/audit", t("audit")], ["/admin/track-editors", t("trackEditors")]);
  return (
    <nav aria-label={t("section")} className="mt-4">
      <ul className="grid gap-2 sm:grid-cols-2">
        {links.map(([href, label]) => (
          <li key={href}>
            <Link
              href={href}
              className="block rounded-lg border border-slate-200 bg-white px-4 py-3 font-medium text-brand-700 hover:border-brand-600"
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
