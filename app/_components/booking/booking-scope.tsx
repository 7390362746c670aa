"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { useTRPC } from "~/app/_trpc/react";
import type { BookingStatus } from "~/server/booking/queries";

type Scope = {
  status: BookingStatus;
  /** Refetches seats and the viewer's state everywhere on the page (after their own action). */
  refresh: () => Promise<void>;
  /** Where «Войти» leads back to. */
  signInHref: string;
};

const ScopeContext = createContext<Scope | null>(null);

/**
 * Booking state for the sessions of one page: rendered on the server (seat counts show
 * without JavaScript), then kept fresh by one tRPC query that every card's controls share.
 */
export function BookingScope({
  sessionIds,
  initial,
  returnTo,
  children,
}: {
  sessionIds: string[];
  initial: BookingStatus;
  returnTo: string;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(
    trpc.booking.status.queryOptions({ sessionIds }, { initialData: initial, staleTime: 15_000 }),
  );
  const refresh = useCallback(() => queryClient.invalidateQueries(trpc.booking.pathFilter()), [queryClient, trpc]);
  const value = useMemo(
    () => ({ status: data ?? initial, refresh, signInHref: `/signin?next=${encodeURIComponent(returnTo)}` }),
    [data, initial, refresh, returnTo],
  );
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useBookingScope(): Scope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error("BookingControls must be inside a BookingScope.");
  return scope;
}
