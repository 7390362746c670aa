"use client";

import { useSyncExternalStore } from "react";
import { announce } from "~/app/_components/a11y/announce";

/**
 * The session's address as a plain link (works without JavaScript), and with JavaScript one
 * button: the system share sheet where the Web Share API exists (phones), else copy to clipboard.
 */
const noSubscribe = () => () => {};

export type ShareLabels = { label: string; share: string; copy: string; copied: string; copyFailed: string };

/** Texts come from the server (guests' pages carry no message catalogue for client components). */
export function ShareLink({ url, title, labels }: { url: string; title: string; labels: ShareLabels }) {
  // What the browser offers; "none" on the server and without JavaScript (the plain link stays).
  const mode = useSyncExternalStore(
    noSubscribe,
    () => (typeof navigator.share === "function" ? "share" : navigator.clipboard ? "copy" : "none"),
    () => "none" as const,
  );

  async function onClick() {
    if (mode === "share") {
      try {
        await navigator.share({ title, url });
      } catch {
        // Closed by the person: nothing to say.
      }
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      announce(labels.copied);
    } catch {
      announce(labels.copyFailed);
    }
  }

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600">{labels.label}:</span>
      <a href={url} className="min-w-0 break-all text-sm text-brand-700 underline">
        {url}
      </a>
      {mode !== "none" && (
        <button
          type="button"
          onClick={onClick}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          {mode === "share" ? labels.share : labels.copy}
        </button>
      )}
    </div>
  );
}
