"use client";

import { useEffect } from "react";

/**
 * Preselects the browser's own time zone in the time-zone switch (the form works without it:
 * the list is there to choose from by hand).
 */
export function DetectTimeZone({ selectId }: { selectId: string }) {
  useEffect(() => {
    const select = document.getElementById(selectId);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!(select instanceof HTMLSelectElement) || !zone) return;
    if (![...select.options].some((o) => o.value === zone)) select.add(new Option(zone, zone));
    select.value = zone;
  }, [selectId]);
  return null;
}
