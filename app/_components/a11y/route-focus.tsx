"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { announce, focusStatic } from "~/app/_components/a11y/announce";

/**
 * After a client-side navigation (a new pathname, not the first load), moves focus to the new
 * page's h1 and announces the page title, so that the next Tab starts in the page rather than in
 * the header. One instance, in the root layout; works for guests (no messages, no tRPC).
 */
export function RouteFocus() {
  const pathname = usePathname();
  const first = useRef(true);
  const previousTitle = useRef("");
  useEffect(() => {
    if (first.current) {
      first.current = false;
      previousTitle.current = document.title;
      return;
    }
    // The new page's h1 and its title may arrive a little after the new pathname (the title comes
    // with the page's metadata): wait for both, up to 3 s on a slow phone, then move and announce.
    const startedAt = Date.now();
    let timer = 0;
    const settle = () => {
      const h1 = document.querySelector<HTMLElement>("main h1");
      const titled = document.title !== "" && document.title !== previousTitle.current;
      if ((!h1 || !titled) && Date.now() - startedAt < 3000) {
        timer = window.setTimeout(settle, 50);
        return;
      }
      previousTitle.current = document.title;
      focusStatic(h1 ?? document.getElementById("main"));
      announce(document.title || h1?.textContent || "");
    };
    timer = window.setTimeout(settle, 0);
    return () => window.clearTimeout(timer);
  }, [pathname]);
  return null;
}
