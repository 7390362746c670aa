"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { buttonSecondary, useHydrated } from "~/app/_components/booking/booking-controls";
import { ConfirmStep } from "~/app/_components/booking/confirm-step";
import { serverMessage } from "~/app/_components/booking/errors";
import { StarButton } from "~/app/_components/booking/star-button";
import { useTRPC } from "~/app/_trpc/react";

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
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const done = async () => {
    await queryClient.invalidateQueries(trpc.booking.pathFilter());
    setConfirming(false);
    startRefresh(() => router.refresh());
  };
  const onError = (e: unknown) => setError(serverMessage(e) ?? t("errorUnknown"));
  const cancel = useMutation(
    trpc.booking.cancel.mutationOptions({ onMutate: () => setError(null), onError, onSuccess: done }),
  );
  const leave = useMutation(
    trpc.booking.leaveWaitlist.mutationOptions({ onMutate: () => setError(null), onError, onSuccess: done }),
  );
  const hydrated = useHydrated();
  const busy = !hydrated || cancel.isPending || leave.isPending || refreshing;

  return (
    <div className="mt-3 space-y-2" aria-busy={busy || undefined}>
      {confirming ? (
        <ConfirmStep
          question={t("cancelQuestion", { title })}
          yes={cancel.isPending ? t("cancelling") : t("cancelYes")}
          no={t("cancelNo")}
          busy={busy}
          onYes={() => cancel.mutate({ sessionId })}
          onNo={() => setConfirming(false)}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {booked && (
            <button type="button" className={buttonSecondary} disabled={busy} onClick={() => setConfirming(true)}>
              {t("cancel")}
            </button>
          )}
          {waitlisted && (
            <button
              type="button"
              className={buttonSecondary}
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
            onChanged={() => startRefresh(() => router.refresh())}
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
