import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links for a paged list; nothing when everything fits on one page. */
export async function Pager({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pager");
  return (
    <nav aria-label={t("nav")} className="mt-6 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="text-brand-700 hover:underline">
          {t("prev")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("page", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className="text-brand-700 hover:underline">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
