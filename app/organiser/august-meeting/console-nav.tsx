import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionNav } from "~/app/organiser/section-nav";

const pages = [
  { href: "/organiser/august-meeting", key: "applications" },
  { href: "/organiser/august-meeting/roll-call", key: "rollCall" },
  { href: "/organiser/august-meeting/questions", key: "questions" },
] as const;

/** The console's sections. */
export async function ConsoleNav({ current }: { current: (typeof pages)[number]["key"] }) {
  const t = await getTranslations("meetingOrganiser.nav");
  return (
    <SectionNav
      label={t("label")}
      home={t("home")}
      pages={pages.map((p) => ({ ...p, text: t(p.key) }))}
      current={current}
      className="print:hidden"
    />
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
