import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "~/app/_components/language-switch";
import { signOutAction } from "~/app/signin/actions";
import { hasRole } from "~/server/auth/roles";
import { getSessionUser } from "~/server/auth/session";

const linkClass = "py-1 text-slate-700 hover:text-brand-700";

export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations(), getSessionUser()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-900">
          {t("meta.title")}
        </Link>
        <div className="order-2 ml-auto flex items-center gap-3 text-sm sm:order-3">
          <LanguageSwitch />
          {user ? (
            <form action={signOutAction} data-offline-clear>
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50"
              >
                {t("header.signOut")}
              </button>
            </form>
          ) : (
            <>
              <Link href="/signin" className={linkClass}>
                {t("header.signIn")}
              </Link>
              <Link
                href="/register"
                className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900"
              >
                {t("nav.register")}
              </Link>
            </>
          )}
        </div>
        <nav
          aria-label={t("nav.menu")}
          className="order-3 flex w-full flex-wrap items-center gap-x-5 text-sm sm:order-2 sm:w-auto"
        >
          <Link href="/programme" className={linkClass}>
            {t("nav.programme")}
          </Link>
          <Link href="/speakers" className={linkClass}>
            {t("nav.speakers")}
          </Link>
          <Link href="/august-meeting" className={linkClass}>
            {t("nav.augustMeeting")}
          </Link>
          {user && (
            <>
              <Link href="/my" className={linkClass}>
                {t("nav.my")}
              </Link>
              <Link href="/account" className={linkClass}>
                {t("header.account")}
              </Link>
            </>
          )}
          {hasRole(user, "CHECKIN") && (
            <Link href="/checkin" className={linkClass}>
              {t("header.checkin")}
            </Link>
          )}
          {hasRole(user, "ORGANISER") && (
            <Link href="/organiser" className={linkClass}>
              {t("header.organiser")}
            </Link>
          )}
          {hasRole(user, "ADMIN") && (
            <Link href="/admin/users" className={linkClass}>
              {t("header.admin")}
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
