"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore } from "react";
import { announce, focusWhenReady } from "~/app/_components/a11y/announce";
import { Alternatives } from "~/app/_components/booking/alternatives";
import { SignInToBook, WindowNote } from "~/app/_components/booking/booking-notes";
import { useBookingScope } from "~/app/_components/booking/booking-scope";
import { ConfirmStep } from "~/app/_components/booking/confirm-step";
import { serverMessage } from "~/app/_components/booking/errors";
import { SeatLine } from "~/app/_components/booking/seat-line";
import { StarButton } from "~/app/_components/booking/star-button";
import { useTRPC } from "~/app/_trpc/react";
import type { ClashInfo } from "~/server/booking/service";
import { formatZonedTime } from "~/server/programme/time";

export const buttonPrimary =
  "inline-flex min-h-10 items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:cursor-not-allowed disabled:opacity-60";
export const buttonSecondary =
  "inline-flex min-h-10 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:border-brand-600 hover:text-brand-700 disabled:cursor-not-allowed disabled:opacity-60";

const noopSubscribe = () => () => {};

/** False during server rendering and hydration, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

type Mode =
  { kind: "idle" } | { kind: "confirmCancel" } | { kind: "clash"; clashes: ClashInfo[] } | { kind: "nowFull" };

/**
 * Seats left and the booking actions for one session: book, join the waitlist, swap after a
 * clash, cancel (with a confirm step), leave the queue, star. Needs JavaScript: without it the
 * seat count still renders, the buttons stay disabled and a note says why.
 */
export function BookingControls({
  sessionId,
  title,
  showAlternatives = false,
}: {
  sessionId: string;
  title: string;
  /** The session page proposes same-slot sessions as soon as this one is full (under its h2: an h3 list). */
  showAlternatives?: boolean;
}) {
  const t = useTranslations("booking");
  const ta = useTranslations("a11y");
  const trpc = useTRPC();
  const { status, refresh, signInHref } = useBookingScope();
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [altOpen, setAltOpen] = useState(showAlternatives);
  const hydrated = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  const rootId = useId();
  const root = () => document.getElementById(rootId);
  /**
   * After an action the button that was pressed is replaced by its opposite («Записаться» →
   * «Отменить запись»): say what happened in the live region and put focus on the new control
   * (data-action), falling back to the star toggle.
   */
  const settle = async (text: string, next: string[]) => {
    await refresh();
    announce(text);
    focusWhenReady(
      () =>
        next
          .map((a) => root()?.querySelector<HTMLElement>(`[data-action="${a}"]`))
          .find((el) => el && !(el as HTMLButtonElement).disabled),
      { fallback: () => root()?.querySelector<HTMLElement>("[data-action=star]") },
    );
  };
  const onError = (e: unknown) => setError(serverMessage(e) ?? t("errorUnknown"));
  const book = useMutation(
    trpc.booking.book.mutationOptions({
      onMutate: () => setError(null),
      onError,
      onSuccess: async (r) => {
        setMode(
          r.outcome === "CLASH"
            ? { kind: "clash", clashes: r.clashes }
            : r.outcome === "FULL"
              ? { kind: "nowFull" }
              : { kind: "idle" },
        );
        if (r.outcome === "BOOKED")
          await settle(ta(r.replaced.length ? "bookedSwapped" : "booked", { title }), ["cancel"]);
        else if (r.outcome === "WAITLISTED") await settle(ta("waitlisted", { title, position: r.position }), ["leave"]);
        else if (r.outcome === "FULL") await settle(ta("nowFull", { title }), ["join"]);
        else {
          // The confirm step focuses its safe choice itself.
          await refresh();
          announce(ta("clash"));
        }
      },
    }),
  );
  const cancel = useMutation(
    trpc.booking.cancel.mutationOptions({
      onMutate: () => setError(null),
      onError,
      onSuccess: async (r) => {
        setMode({ kind: "idle" });
        await settle(ta(r.promoted ? "cancelledPromoted" : "cancelled", { title }), ["book", "join"]);
      },
    }),
  );
  const leave = useMutation(
    trpc.booking.leaveWaitlist.mutationOptions({
      onMutate: () => setError(null),
      onError,
      onSuccess: () => settle(ta("leftWaitlist", { title }), ["join", "book"]),
    }),
  );

  const state = status.sessions[sessionId];
  if (!state) return null;
  const tz = status.timeZone;
  const busy = !hydrated || book.isPending || cancel.isPending || leave.isPending;
  const viewer = status.viewer;
  const bookable = state.refusal === "ok";
  const full = state.seatsLeft === 0;
  const timeOf = (c: { startsAt: Date; endsAt: Date }) =>
    `${formatZonedTime(c.startsAt, tz)}–${formatZonedTime(c.endsAt, tz)}`;

  let body: React.ReactNode = null;
  if (state.booked) {
    body =
      mode.kind === "confirmCancel" ? (
        <ConfirmStep
          question={t("cancelQuestion", { title })}
          yes={cancel.isPending ? t("cancelling") : t("cancelYes")}
          no={t("cancelNo")}
          busy={busy}
          onYes={() => cancel.mutate({ sessionId })}
          onNo={() => setMode({ kind: "idle" })}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <span className="rounded bg-green-100 px-2 py-1 text-sm font-semibold text-green-900">✓ {t("booked")}</span>
          <button
            type="button"
            className={buttonSecondary}
            data-action="cancel"
            disabled={busy}
            onClick={() => setMode({ kind: "confirmCancel" })}
          >
            {t("cancel")}
          </button>
        </div>
      );
  } else if (state.waitlistPosition !== null) {
    body = (
      <div className="flex flex-wrap items-center gap-3">
        <span className="rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-900">
          {t("waitlisted", { position: state.waitlistPosition })}
        </span>
        <button
          type="button"
          className={buttonSecondary}
          data-action="leave"
          disabled={busy}
          onClick={() => leave.mutate({ sessionId })}
        >
          {leave.isPending ? t("leaving") : t("leaveWaitlist")}
        </button>
      </div>
    );
  } else if (state.refusal !== "ok" && state.refusal !== "notOpenYet" && state.refusal !== "windowClosed") {
    // Closed, cancelled, free-entry: the card's badges and the session page's notes say so.
    body = null;
  } else if (state.refusal === "notOpenYet" || state.refusal === "windowClosed") {
    body = <WindowNote refusal={state.refusal} window={status.window} timeZone={tz} />;
  } else if (viewer === "guest") {
    // A session that ended while the page was open: the refreshed status says "guest".
    body = <SignInToBook href={signInHref} />;
  } else if (viewer === "unregistered") {
    body = (
      <p className="text-sm text-slate-700">
        {t("unregistered")}{" "}
        <Link href="/register" className="font-medium text-brand-700 underline">
          {t("toRegister")}
        </Link>
      </p>
    );
  } else if (viewer === "pending") {
    body = <p className="text-sm text-slate-700">{t("pending")}</p>;
  } else if (bookable && mode.kind === "clash") {
    body = (
      <ConfirmStep
        tone="amber"
        question={t("clash", { titles: mode.clashes.map((c) => `«${c.title}» (${timeOf(c)})`).join(", ") })}
        yes={book.isPending ? t("swapping") : t("swap")}
        no={t("keep")}
        busy={busy}
        onYes={() => book.mutate({ sessionId, replaceSessionIds: mode.clashes.map((c) => c.id) })}
        onNo={() => setMode({ kind: "idle" })}
      />
    );
  } else if (bookable) {
    body = (
      <div className="flex flex-wrap items-center gap-3">
        {full ? (
          <button
            type="button"
            className={buttonPrimary}
            data-action="join"
            disabled={busy}
            onClick={() => book.mutate({ sessionId, waitlistIfFull: true })}
          >
            {book.isPending ? t("joining") : t("joinWaitlist")}
          </button>
        ) : (
          <button
            type="button"
            className={buttonPrimary}
            data-action="book"
            disabled={busy}
            onClick={() => book.mutate({ sessionId })}
          >
            {book.isPending ? t("booking") : t("book")}
          </button>
        )}
        {full && !showAlternatives && (
          <button
            type="button"
            className={buttonSecondary}
            aria-expanded={altOpen}
            onClick={() => setAltOpen((o) => !o)}
            disabled={!hydrated}
          >
            {altOpen ? t("hideAlternatives") : t("showAlternatives")}
          </button>
        )}
      </div>
    );
  }

  // Closed sessions (the August meeting) have their own flow and cannot be starred.
  const canStar = viewer !== "guest" && state.refusal !== "draft" && state.refusal !== "closed";
  return (
    <div
      id={rootId}
      className="mt-3 space-y-2 border-t border-slate-100 pt-3"
      aria-busy={busy && hydrated ? true : undefined}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SeatLine state={state} />
        {canStar && <StarButton sessionId={sessionId} title={title} starred={state.starred} disabled={!hydrated} />}
      </div>
      <div>
        {mode.kind === "nowFull" && !state.booked && state.waitlistPosition === null && (
          <p className="mb-2 text-sm text-amber-900">{t("nowFull")}</p>
        )}
        {body}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t("error", { message: error })}
        </p>
      )}
      {bookable && full && !state.booked && (altOpen || mode.kind === "nowFull") && viewer === "participant" && (
        <Alternatives sessionId={sessionId} timeZone={tz} headingLevel={showAlternatives ? 3 : 4} />
      )}
      {!hydrated && body !== null && (
        <noscript>
          <p className="text-xs text-slate-500">{t("needsJs")}</p>
        </noscript>
      )}
    </div>
  );
}
