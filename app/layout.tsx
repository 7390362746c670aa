import type { Metadata, Viewport } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { viewerTag } from "~/app/_offline/viewer-tag";
import { LiveRegion } from "~/app/_components/a11y/live-region";
import { RouteFocus } from "~/app/_components/a11y/route-focus";
import { ClientIntl } from "~/app/_components/client-intl";
import { SiteFooter } from "~/app/_components/site-footer";
import { SiteHeader } from "~/app/_components/site-header";
import { TRPCReactProvider } from "~/app/_components/lazy-client";
import { getSessionUser } from "~/server/auth/session";
import { env } from "~/server/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: `%s — ${t("title")}` },
    description: t("description"),
    icons: {
      icon: [
        { url: "/favicon.svg", type: "image/svg+xml" },
        { url: "/favicon.ico", sizes: "16x16" },
      ],
      apple: [{ url: "/icons/icon-192.png", sizes: "192x192" }],
    },
    appleWebApp: { capable: true, title: t("title") },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e40af" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const [t, tOffline, timeZone, viewer] = await Promise.all([
    getTranslations("nav"),
    getTranslations("offline"),
    getTimeZone(),
    getSessionUser(),
  ]);
  const page = (
    <>
      <SiteHeader />
      {/* A page marked data-wide (the organiser's timetable) takes the full width of the window. */}
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 has-[[data-wide]]:max-w-none sm:py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
  return (
    <html lang={locale}>
      <body
        className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased"
        data-viewer={viewer ? viewerTag(viewer.id) : undefined}
      >
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skip")}
        </a>
        {/* The text of the «нет сети» notice for the page script (public/offline.js), which shows it in
            an element of its own when the service worker answered from its cache: React's nodes stay as
            rendered, so hydration never meets a changed text. */}
        <div
          id="offline-notice-text"
          hidden
          data-template={tOffline("servedFromCache", { date: "{date}" })}
          data-time-zone={timeZone}
        />
        {/* Signed-in people get the tRPC client and the messages their client components use;
            guests get neither (booking on guest pages is a sign-in link rendered on the server). */}
        {viewer ? (
          <ClientIntl>
            <TRPCReactProvider>{page}</TRPCReactProvider>
          </ClientIntl>
        ) : (
          page
        )}
        <LiveRegion />
        <RouteFocus />
        {/* The offline app (app/_offline): production builds only, `next dev` has no worker. */}
        {env.NODE_ENV === "production" && <script src="/offline.js" async />}
      </body>
    </html>
  );
}
