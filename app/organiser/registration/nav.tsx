import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionNav } from "~/app/organiser/section-nav";

const pages = [
  { href: "/organiser/registration", key: "navList" },
  { href: "/organiser/registration/questions", key: "navQuestions" },
] as const;

/** The registration section's pages. */
export async function RegistrationNav({ current }: { current: (typeof pages)[number]["key"] }) {
  const t = await getTranslations("questionEditor");
  return (
    <SectionNav
      label={t("navLabel")}
      home={t("navHome")}
      pages={pages.map((p) => ({ ...p, text: t(p.key) }))}
      current={current}
    />
  );
}

/** The link on the organisers' start page. */
export async function RegistrationLink() {
  const t = await getTranslations("questionEditor");
  return (
    <p className="mt-2">
      <Link href="/organiser/registration" className="font-medium text-brand-700 underline hover:text-brand-900">
        {t("homeLink")}
      </Link>
    </p>
  );
}
