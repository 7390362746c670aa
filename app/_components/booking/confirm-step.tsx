"use client";

import { useEffect, useId, useRef } from "react";

/**
 * An inline confirmation (instead of window.confirm): a labelled group with the question and
 * two buttons. Focus moves to the safe choice when it appears; Escape answers «no».
 */
export function ConfirmStep({
  question,
  yes,
  no,
  busy,
  onYes,
  onNo,
  tone = "red",
}: {
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
  tone?: "red" | "amber";
}) {
  const id = useId();
  const noRef = useRef<HTMLButtonElement>(null);
  const focused = useRef(false);
  // Focus the safe choice once it can take focus (the step may appear while a request finishes).
  useEffect(() => {
    if (busy || focused.current) return;
    focused.current = true;
    noRef.current?.focus();
  }, [busy]);
  const box = tone === "red" ? "border-red-200 bg-red-50 text-red-950" : "border-amber-300 bg-amber-50 text-amber-950";
  const yesClass =
    tone === "red" ? "bg-red-700 hover:bg-red-800 text-white" : "bg-brand-700 hover:bg-brand-900 text-white";
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={`rounded-md border p-3 ${box}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) onNo();
      }}
    >
      <p id={id} className="text-sm">
        {question}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className={`inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${yesClass}`}
          disabled={busy}
          onClick={onYes}
        >
          {yes}
        </button>
        <button
          ref={noRef}
          type="button"
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:border-brand-600 disabled:opacity-60"
          disabled={busy}
          onClick={onNo}
        >
          {no}
        </button>
      </div>
    </div>
  );
}
