import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { SessionBookingState } from "~/server/booking/queries";
import type { WindowState } from "~/server/booking/rules";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";

/**
 * What the booking area says when booking is not open (not yet, or no longer), and the sign-in
 * link for guests. Shared by the server-rendered guest line (session-booking.tsx) and the live
 * controls (booking-controls.tsx): no "use client", so it renders on either side.
 */
export function WindowNote({
  refusal,
  window,
  timeZone,
}: {
  refusal: SessionBookingState["refusal"];
  window: WindowState;
  timeZone: string;
}) {
  const t = useTranslations("booking");
  const format = useFormatter();
  if (refusal === "notOpenYet" && window.state === "notOpenYet") {
    const opens = window.opensAt;
    return (
      <p className="text-sm font-medium text-slate-700">
        {t("notOpenYet", {
          day: format.dateTime(opens, { day: "numeric", month: "long", timeZone }),
          time: formatZonedTime(opens, timeZone),
          zone: zoneLabel(timeZone, opens, t("zoneMoscow")),
        })}
      </p>
    );
  }
  if (refusal === "windowClosed") return <p className="text-sm font-medium text-slate-700">{t("windowClosed")}</p>;
  return null;
}

export function SignInToBook({ href }: { href: string }) {
  const t = useTranslations("booking");
  return (
    <Link href={href} className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
      {t("signIn")}
    </Link>
  );
}
