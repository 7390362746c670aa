"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/app/_trpc/react";
import { formatZonedTime } from "~/server/programme/time";

/** Sessions in the same time slot that still have seats (and fit the viewer's other seats). */
export function Alternatives({
  sessionId,
  timeZone,
  headingLevel = 4,
}: {
  sessionId: string;
  timeZone: string;
  /** 4 under a programme card's h3; 3 on the session page, under its booking section's h2. */
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const t = useTranslations("booking");
  const trpc = useTRPC();
  const { data, isPending, isError } = useQuery(trpc.booking.alternatives.queryOptions({ sessionId }));
  const headingId = `alt-${sessionId}`;
  return (
    <section aria-labelledby={headingId} className="mt-3 rounded-md bg-slate-50 p-3">
      <Heading id={headingId} className="text-sm font-semibold text-slate-800">
        {t("alternativesTitle")}
      </Heading>
      {isPending ? (
        <p className="mt-1 text-sm text-slate-600">{t("loadingAlternatives")}</p>
      ) : isError ? (
        <p className="mt-1 text-sm text-red-700">{t("errorUnknown")}</p>
      ) : data.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("noAlternatives")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {data.map((a) => (
            <li key={a.id} className="text-sm">
              <Link href={`/sessions/${a.id}`} className="font-medium text-brand-700 underline hover:text-brand-900">
                {a.title}
              </Link>
              <span className="block text-slate-600">
                {formatZonedTime(a.startsAt, timeZone)}–{formatZonedTime(a.endsAt, timeZone)}
                {a.room ? ` · ${a.room}` : ""}
                {" · "}
                {a.seatsLeft === null ? t("noSeatLimit") : t("seatsLeft", { count: a.seatsLeft })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
