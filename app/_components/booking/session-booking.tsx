import type { ReactNode } from "react";
import { BookingControls, BookingScope } from "~/app/_components/lazy-client";
import { SignInToBook, WindowNote } from "~/app/_components/booking/booking-notes";
import { SeatLine } from "~/app/_components/booking/seat-line";
import type { BookingStatus } from "~/server/booking/queries";

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

function GuestBooking({ status, sessionId, returnTo }: { status: BookingStatus; sessionId: string; returnTo: string }) {
  const state = status.sessions[sessionId];
  if (!state) return null;
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      <SeatLine state={state} />
      {state.refusal === "ok" ? (
        <SignInToBook href={`/signin?next=${encodeURIComponent(returnTo)}`} />
      ) : (
        <WindowNote refusal={state.refusal} window={status.window} timeZone={status.timeZone} />
      )}
    </div>
  );
}
