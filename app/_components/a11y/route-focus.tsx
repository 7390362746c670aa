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
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 60;
    let frame = 0;
    const settle = () => {
      const h1 = document.querySelector<HTMLElement>("main h1");
      if (!h1 && tries-- > 0) {
        frame = requestAnimationFrame(settle);
        return;
      }
      focusStatic(h1 ?? document.getElementById("main"));
      announce(document.title || h1?.textContent || "");
    };
    frame = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
