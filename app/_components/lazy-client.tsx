"use client";

/**
 * Client components that only signed-in people render, split into their own chunks and loaded
 * only where rendered: a guest page (cached and shared, scripts/page-cache.mjs) downloads no
 * tRPC client, no react-query and no booking controls.
 */
import dynamic from "next/dynamic";

export const TRPCReactProvider = dynamic(() => import("~/app/_trpc/react").then((m) => m.TRPCReactProvider));
export const BookingScope = dynamic(() =>
  import("~/app/_components/booking/booking-scope").then((m) => m.BookingScope),
);
export const BookingControls = dynamic(() =>
  import("~/app/_components/booking/booking-controls").then((m) => m.BookingControls),
);
/** next-intl's client provider (use-intl, ~12 KB): only on pages whose client components translate. */
export const IntlProvider = dynamic(() => import("next-intl").then((m) => m.NextIntlClientProvider));
