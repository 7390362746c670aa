"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useHydrated } from "~/app/_components/booking/booking-controls";
import { serverMessage } from "~/app/_components/booking/errors";
import { useTRPC } from "~/app/_trpc/react";

/**
 * Whether sessions that are only starred go into the personal calendar (download and feed) as
 * tentative free time, or are left out. Seats are always there, as busy time. Saved on change.
 */
export function CalendarStarsChoice({ initial }: { initial: boolean }) {
  const t = useTranslations("my");
  const tb = useTranslations("booking");
  const trpc = useTRPC();
  const name = useId();
  const hydrated = useHydrated();
  const [stars, setStars] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.booking.setCalendarStars.mutationOptions({
      onMutate: () => {
        setSaved(false);
        setError(null);
      },
      onError: (e) => {
        setStars((s) => !s);
        setError(serverMessage(e) ?? tb("errorUnknown"));
      },
      onSuccess: (r) => {
        setStars(r.stars);
        setSaved(true);
      },
    }),
  );
  const choose = (value: boolean) => {
    setStars(value);
    save.mutate({ stars: value });
  };
  return (
    <fieldset className="mt-4 space-y-1" disabled={!hydrated || save.isPending}>
      <legend className="text-sm font-medium text-slate-800">{t("starsLegend")}</legend>
      {[true, false].map((value) => (
        <label key={String(value)} className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="radio"
            name={name}
            checked={stars === value}
            onChange={() => choose(value)}
            className="mt-0.5 h-4 w-4"
          />
          <span>{value ? t("starsInclude") : t("starsLeaveOut")}</span>
        </label>
      ))}
      <p role="status" className="min-h-5 text-sm text-green-800">
        {saved ? t("starsSaved") : ""}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
