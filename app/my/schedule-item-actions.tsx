"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, useTransition } from "react";
import { announce, focusStatic, focusWhenReady, lastAnnouncement } from "~/app/_components/a11y/announce";
import { buttonPrimary, buttonSecondary, useHydrated } from "~/app/_components/booking/booking-controls";
import { ConfirmStep } from "~/app/_components/booking/confirm-step";
import { serverMessage } from "~/app/_components/booking/errors";
import { StarButton } from "~/app/_components/booking/star-button";
import { useTRPC } from "~/app/_trpc/react";

/** Set by an action on a card (by session id); read when the refreshed page comes back. */
const pendingFocus = new Map<string, { order: string[]; focus: string }>();

/** The cards of /my in page order (each card's article carries data-my-item). */
const itemIds = () =>
  [...document.querySelectorAll<HTMLElement>("[data-my-item]")].map((el) => el.dataset.myItem ?? "");

/**
 * Where focus goes when this card leaves the page after an action: the next card's link, else
 * the previous card's, else the page heading (the schedule is empty).
 */
function focusNeighbour(order: string[], sessionId: string, emptyText: string) {
  const at = order.indexOf(sessionId);
  const candidates = [...order.slice(at + 1), ...order.slice(0, Math.max(at, 0)).reverse()];
  const next = candidates
    .map((id) => document.querySelector<HTMLElement>(`[data-my-item="${id}"] h3 a`))
    .find((el) => el?.isConnected);
  if (next) next.focus();
  else {
    focusStatic(document.querySelector<HTMLElement>("main h1"));
    announce(`${lastAnnouncement()} ${emptyText}`.trim());
  }
}

/** Cancel a seat (after a confirm step), leave a queue, unstar — then the page re-renders from the server. */
export function ScheduleItemActions({
  sessionId,
  title,
  booked,
  waitlisted,
  starred,
}: {
  sessionId: string;
  title: string;
  booked: boolean;
  waitlisted: boolean;
  starred: boolean;
}) {
  const t = useTranslations("booking");
  const ta = useTranslations("a11y");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const rootId = useId();
  const root = () => document.getElementById(rootId);
  const emptyText = ta("myEmpty");

  const refreshAfter = (text: string, focus: string) => {
    announce(text);
    pendingFocus.set(sessionId, { order: itemIds(), focus });
    startRefresh(() => router.refresh());
  };
  useEffect(() => {
    const pending = pendingFocus.get(sessionId);
    if (refreshing || !pending) return;
    pendingFocus.delete(sessionId);
    const { focus } = pending;
    const card = () => document.getElementById(rootId);
    // The card stayed (it is still starred, or still booked): focus its remaining control.
    focusWhenReady(
      () =>
        card()?.querySelector<HTMLElement>(`[data-action="${focus}"]`) ?? card()?.querySelector<HTMLElement>("button"),
    );
  }, [refreshing, sessionId, rootId]);
  useEffect(() => {
    return () => {
      // The card left the page: the next card takes focus once the new list is in the DOM.
      const pending = pendingFocus.get(sessionId);
      if (!pending || document.getElementById(rootId)) return;
      pendingFocus.delete(sessionId);
      requestAnimationFrame(() => focusNeighbour(pending.order, sessionId, emptyText));
    };
  }, [sessionId, emptyText, rootId]);

  const doneWith = async (text: string, focus: string) => {
    await queryClient.invalidateQueries(trpc.booking.pathFilter());
    setConfirming(false);
    refreshAfter(text, focus);
  };
  const done = (text: string) => doneWith(text, "star");
  const onError = (e: unknown) => setError(serverMessage(e) ?? t("errorUnknown"));
  const cancel = useMutation(
    trpc.booking.cancel.mutationOptions({
      onMutate: () => setError(null),
      onError,
      onSuccess: (r) => done(ta(r.promoted ? "cancelledPromoted" : "cancelled", { title })),
    }),
  );
  const leave = useMutation(
    trpc.booking.leaveWaitlist.mutationOptions({
      onMutate: () => setError(null),
      onError,
      onSuccess: () => done(ta("leftWaitlist", { title })),
    }),
  );
  // A starred session without a seat or a queue place can be booked from here (full: a queue place).
  const book = useMutation(
    trpc.booking.book.mutationOptions({
      onMutate: () => setError(null),
      onError,
      onSuccess: async (r) => {
        if (r.outcome === "BOOKED") await doneWith(ta("booked", { title }), "cancel");
        else if (r.outcome === "WAITLISTED") await doneWith(ta("waitlisted", { title, position: r.position }), "leave");
        else if (r.outcome === "CLASH") {
          const text = t("clash", { titles: r.clashes.map((c) => `«${c.title}»`).join(", ") });
          setError(text);
        } else setError(ta("nowFull", { title }));
      },
    }),
  );
  const hydrated = useHydrated();
  const busy = !hydrated || cancel.isPending || leave.isPending || book.isPending || refreshing;

  return (
    <div id={rootId} className="mt-3 space-y-2" aria-busy={busy || undefined}>
      {confirming ? (
        <ConfirmStep
          question={t("cancelQuestion", { title })}
          yes={cancel.isPending ? t("cancelling") : t("cancelYes")}
          no={t("cancelNo")}
          busy={busy}
          onYes={() => cancel.mutate({ sessionId })}
          onNo={() => {
            setConfirming(false);
            focusWhenReady(() => root()?.querySelector<HTMLElement>('[data-action="cancel"]'));
          }}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {booked && (
            <button
              type="button"
              className={buttonSecondary}
              data-action="cancel"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t("cancel")}
            </button>
          )}
          {starred && !booked && !waitlisted && (
            <button
              type="button"
              className={buttonPrimary}
              data-action="book"
              disabled={busy}
              onClick={() => book.mutate({ sessionId, waitlistIfFull: true })}
            >
              {book.isPending ? t("booking") : t("book")}
            </button>
          )}
          {waitlisted && (
            <button
              type="button"
              className={buttonSecondary}
              data-action="leave"
              disabled={busy}
              onClick={() => leave.mutate({ sessionId })}
            >
              {leave.isPending ? t("leaving") : t("leaveWaitlist")}
            </button>
          )}
          <StarButton
            sessionId={sessionId}
            title={title}
            starred={starred}
            disabled={!hydrated}
            onChanged={() => {
              pendingFocus.set(sessionId, { order: itemIds(), focus: "star" });
              startRefresh(() => router.refresh());
            }}
          />
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t("error", { message: error })}
        </p>
      )}
    </div>
  );
}
