"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/** The chart component and chart.js load only in the browser, only on this page. */
export const LazyChart = dynamic(() => import("~/app/organiser/dashboard/chart").then((m) => m.Chart), {
  ssr: false,
});

/**
 * Re-renders the page on the server every `seconds` while the tab is visible (and at once when it
 * becomes visible again), and on the button.
 */
export function LiveRefresh({
  seconds,
  label,
  pendingLabel,
}: {
  seconds: number;
  label: string;
  pendingLabel: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") startTransition(() => router.refresh());
    };
    const timer = window.setInterval(refresh, seconds * 1000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router, seconds]);
  return (
    <button
      type="button"
      onClick={() => startTransition(() => router.refresh())}
      aria-disabled={pending}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:border-brand-600"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
