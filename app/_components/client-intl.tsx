import type { ReactNode } from "react";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { IntlProvider } from "~/app/_components/lazy-client";
import { getSessionUser } from "~/server/auth/session";
import { clientMessages } from "~/server/i18n/client-messages";

/**
 * Messages for the client components below it: the namespaces the viewer's client components
 * use (server/i18n/client-messages.ts). The root layout puts it around every signed-in page;
 * guest pages with translated client forms (sign-in, registration, password reset) have their own
 * layout with it, so that other guest pages load no i18n code in the browser.
 */
export async function ClientIntl({ children }: { children: ReactNode }) {
  const [locale, messages, timeZone, viewer] = await Promise.all([
    getLocale(),
    getMessages(),
    getTimeZone(),
    getSessionUser(),
  ]);
  return (
    <IntlProvider locale={locale} messages={clientMessages(messages, viewer)} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}

/** A layout for guest pages with translated client forms. */
export default function ClientIntlLayout({ children }: { children: ReactNode }) {
  return <ClientIntl>{children}</ClientIntl>;
}
