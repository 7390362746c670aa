import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { BookingControls, BookingScope } from "~/app/_components/lazy-client";
import { SeatLine } from "~/app/_components/booking/seat-line";
import type { BookingStatus } from "~/server/booking/queries";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";

/**
 * Booking on a page of sessions. A guest's page is the same for every guest (it is cached, see
 * scripts/page-cache.mjs) and has nothing to do in the browser: seats left and a sign-in link,
 * rendered here, with no client code. Signed-in people get the live controls (tRPC).
 */
export function BookingArea({
  status,
  returnTo,
  children,
}: {
  status: BookingStatus;
  returnTo: string;
  children: ReactNode;
}) {
  if (status.viewer === "guest") return <>{children}</>;
  return (
    <BookingScope sessionIds={Object.keys(status.sessions)} initial={status} returnTo={returnTo}>
      {children}
    </BookingScope>
  );
}

export function SessionBooking(props: {
  status: BookingStatus;
  sessionId: string;
  title: string;
  returnTo: string;
  showAlternatives?: boolean;
}) {
  if (props.status.viewer === "guest") return <GuestBooking {...props} />;
  return <BookingControls sessionId={props.sessionId} title={props.title} showAlternatives={props.showAlternatives} />;
}

async function GuestBooking({
  status,
  sessionId,
  returnTo,
}: {
  status: BookingStatus;
  sessionId: string;
  returnTo: string;
}) {
  const state = status.sessions[sessionId];
  if (!state) return null;
  const t = await getTranslations("booking");
  const format = await getFormatter();
  const tz = status.timeZone;
  let body: ReactNode = null;
  if (state.refusal === "notOpenYet" && status.window.state === "notOpenYet") {
    const opens = status.window.opensAt;
    body = (
      <p className="text-sm font-medium text-slate-700">
        {t("notOpenYet", {
          day: format.dateTime(opens, { day: "numeric", month: "long", timeZone: tz }),
          time: formatZonedTime(opens, tz),
          zone: zoneLabel(tz, opens),
        })}
      </p>
    );
  } else if (state.refusal === "windowClosed") {
    body = <p className="text-sm font-medium text-slate-700">{t("windowClosed")}</p>;
  } else if (state.refusal === "ok") {
    body = (
      <Link
        href={`/signin?next=${encodeURIComponent(returnTo)}`}
        className="text-sm font-medium text-brand-700 underline hover:text-brand-900"
      >
        {t("signIn")}
      </Link>
    );
  }
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      <SeatLine state={state} />
      {body}
    </div>
  );
}
