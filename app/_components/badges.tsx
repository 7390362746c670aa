import type { ReactNode } from "react";

const tones = {
  violet: "bg-violet-100 text-violet-900 ring-violet-300",
  red: "bg-red-100 text-red-900 ring-red-300",
  amber: "bg-amber-100 text-amber-900 ring-amber-300",
  slate: "bg-slate-100 text-slate-800 ring-slate-300",
} as const;

export function Badge({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-semibold uppercase ring-1 ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

/** A track's name in its colour, with a colour dot (the colour alone never carries meaning). */
export function TrackLabel({ track, fallback }: { track: { title: string; color: string } | null; fallback: string }) {
  if (!track) return <span>{fallback}</span>;
  return (
    <span className="inline-flex items-center gap-1.5 font-medium" style={{ color: track.color }}>
      <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: track.color }} />
      {track.title}
    </span>
  );
}
