import Link from "next/link";
import { getTranslations } from "next-intl/server";

const pages = [
  { href: "/organiser/registration", key: "navList" },
  { href: "/organiser/registration/questions", key: "navQuestions" },
] as const;

/** The registration section's pages; the current one is marked for assistive technology. */
export async function RegistrationNav({ current }: { current: (typeof pages)[number]["key"] }) {
  const t = await getTranslations("questionEditor");
  return (
    <nav aria-label={t("navLabel")} className="mt-3 flex flex-wrap gap-2 text-sm">
      <Link href="/organiser" className="rounded-md px-3 py-1.5 text-slate-700 hover:text-brand-700">
        {t("navHome")}
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
