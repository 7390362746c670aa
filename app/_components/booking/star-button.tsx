"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { announce } from "~/app/_components/a11y/announce";
import { serverMessage } from "~/app/_components/booking/errors";
import { useTRPC } from "~/app/_trpc/react";

/** A toggle (aria-pressed) that adds a session to the personal schedule without a seat. */
export function StarButton({
  sessionId,
  title,
  starred,
  disabled,
  onChanged,
}: {
  sessionId: string;
  title: string;
  starred: boolean;
  disabled?: boolean;
  onChanged?: () => void;
}) {
  const t = useTranslations("booking");
  const ta = useTranslations("a11y");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const star = useMutation(
    trpc.booking.star.mutationOptions({
      onMutate: () => setError(null),
      onError: (e) => setError(serverMessage(e) ?? t("errorUnknown")),
      onSuccess: async (_r, input) => {
        await queryClient.invalidateQueries(trpc.booking.pathFilter());
        announce(ta(input.starred ? "starred" : "unstarred", { title }));
        onChanged?.();
      },
    }),
  );
  const pressed = star.isPending ? !starred : starred;
  // Not `disabled` while the request runs: a disabled button drops focus to <body>.
  const inert = disabled || star.isPending;
  return (
    <span className="inline-flex flex-col items-end">
      <button
        type="button"
        aria-pressed={pressed}
        aria-label={t("starLabel", { title })}
        data-action="star"
        disabled={disabled}
        aria-disabled={inert || undefined}
        onClick={() => {
          if (!inert) star.mutate({ sessionId, starred: !starred });
        }}
        className={`inline-flex min-h-10 items-center gap-1 rounded-md border px-3 py-1.5 text-sm font-medium disabled:opacity-60 aria-disabled:opacity-60 ${
          pressed
            ? "border-amber-400 bg-amber-50 text-amber-900"
            : "border-slate-300 bg-white text-slate-700 hover:border-brand-600"
        }`}
      >
        <span aria-hidden>{pressed ? "★" : "☆"}</span>
        <span aria-hidden>{t("star")}</span>
      </button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
