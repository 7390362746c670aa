import Link from "next/link";
import { getTranslations } from "next-intl/server";

const links = [
  { href: "/programme", key: "programme" },
  { href: "/speakers", key: "speakers" },
] as const;

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-900">
          {t("meta.title")}
        </Link>
        <Link
          href="/register"
          className="order-2 ml-auto rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900 sm:order-3"
        >
          {t("nav.register")}
        </Link>
        <nav
          aria-label={t("nav.menu")}
          className="order-3 flex w-full flex-wrap items-center gap-x-5 text-sm sm:order-2 sm:w-auto"
        >
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="py-1 text-slate-700 hover:text-brand-700">
              {t(`nav.${l.key}`)}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
