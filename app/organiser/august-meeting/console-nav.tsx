import Link from "next/link";
import { getTranslations } from "next-intl/server";

const pages = [
  { href: "/organiser/august-meeting", key: "applications" },
  { href: "/organiser/august-meeting/roll-call", key: "rollCall" },
  { href: "/organiser/august-meeting/questions", key: "questions" },
] as const;

/** The console's sections; the current one is marked for assistive technology. */
export async function ConsoleNav({ current }: { current: (typeof pages)[number]["key"] }) {
  const t = await getTranslations("meetingOrganiser.nav");
  return (
    <nav aria-label={t("label")} className="mt-3 flex flex-wrap gap-2 text-sm print:hidden">
      <Link href="/organiser" className="rounded-md px-3 py-1.5 text-slate-700 hover:text-brand-700">
        {t("home")}
      </Link>
      {pages.map((p) => (
        <Link
          key={p.key}
          href={p.href}
          aria-current={p.key === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 font-medium ${
            p.key === current ? "bg-brand-700 text-white" : "border border-slate-300 bg-white hover:border-brand-600"
          }`}
        >
          {t(p.key)}
        </Link>
      ))}
    </nav>
  );
}

/** The link on the organisers' start page. */
export async function AugustMeetingLink() {
  const t = await getTranslations("meetingOrganiser");
  return (
    <p className="mt-4">
      <Link href="/organiser/august-meeting" className="font-medium text-brand-700 underline hover:text-brand-900">
        {t("homeLink")}
      </Link>
    </p>
  );
}
