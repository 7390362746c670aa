import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LiveRegion } from "~/app/_components/a11y/live-region";
import { RouteFocus } from "~/app/_components/a11y/route-focus";
import { ClientIntl } from "~/app/_components/client-intl";
import { SiteFooter } from "~/app/_components/site-footer";
import { SiteHeader } from "~/app/_components/site-header";
import { TRPCReactProvider } from "~/app/_components/lazy-client";
import { getSessionUser } from "~/server/auth/session";
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
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e40af" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const viewer = await getSessionUser();
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
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skip")}
        </a>
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
      </body>
    </html>
  );
}
