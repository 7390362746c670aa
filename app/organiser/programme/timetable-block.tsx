"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Block } from "~/app/organiser/programme/timetable-board";
import { blockKey } from "~/app/organiser/programme/timetable-cells";

/**
 * One session on the timetable. The title is clamped to two lines so that narrow room columns
 * stay readable; the whole title is in the link's `title` (hover) and the block grows over the
 * cells below while anything in it has focus (keyboard users read it there).
 */
export function BlockCard({
  block: b,
  column,
  rows,
  tabIndex,
  onDragStart,
  onDragEnd,
  onMove,
}: {
  block: Block;
  column: number;
  rows: string;
  tabIndex: number;
  onDragStart: () => void;
  onDragEnd: () => void;
  onMove: () => void;
}) {
  const t = useTranslations("organiserProgramme");
  const ta = useTranslations("a11y");
  const tint = `linear-gradient(${b.color}14, ${b.color}14)`;
  return (
    <div role="gridcell" aria-rowspan={Math.max(1, Math.ceil((b.endMin - b.startMin) / 30))} className="contents">
      <article
        aria-labelledby={`tt-${b.id}`}
        draggable={b.canEdit}
        onDragStart={(e) => {
          e.dataTransfer.setData("text/plain", b.id);
          e.dataTransfer.effectAllowed = "move";
          onDragStart();
        }}
        onDragEnd={onDragEnd}
        style={{ gridColumn: column, gridRow: rows, borderLeftColor: b.color, backgroundImage: tint }}
        className={`group/block relative z-10 m-0.5 min-w-0 overflow-hidden rounded border border-l-4 border-slate-200 bg-white p-1 text-xs leading-tight focus-within:z-20 focus-within:h-max focus-within:min-h-[calc(100%-0.25rem)] focus-within:self-start focus-within:overflow-visible focus-within:shadow-lg focus-within:ring-2 focus-within:ring-brand-600 ${
          b.canEdit ? "cursor-grab" : ""
        } ${b.status === "DRAFT" ? "border-dashed" : ""}`}
      >
        <p className={`font-medium text-slate-600 ${b.canEdit ? "pr-6" : ""}`}>
          {b.start}–{b.end}
          {b.status === "DRAFT" && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">{t("draft")}</span>}
          {!b.canEdit && <span className="ml-1 text-slate-500">· {t("readOnly")}</span>}
        </p>
        <h3
          id={`tt-${b.id}`}
          data-block-title
          className="line-clamp-2 font-semibold break-words text-slate-900 group-focus-within/block:line-clamp-none"
        >
          <Link
            href={`/organiser/programme/sessions/${b.id}`}
            title={b.title}
            className="hover:underline"
            data-cell={blockKey(b.id)}
            tabIndex={tabIndex}
          >
            {b.title}
          </Link>
        </h3>
        {b.track && (
          // Coloured text on the tinted block is too faint: the colour goes to a dot.
          <p className="flex items-center gap-1 text-slate-700">
            <span
              aria-hidden
              className="inline-block h-2 w-2 shrink-0 rounded-full"
              style={{ backgroundColor: b.color }}
            />
            <span className="truncate">{b.track}</span>
          </p>
        )}
        {b.canEdit && (
          // A 24 px target in the block's top corner: visible in every block of half an hour or
          // more, however narrow the room's column (a text button below the title got cut off).
          <button
            type="button"
            tabIndex={tabIndex}
            aria-label={ta("moveTitle", { title: b.title })}
            title={ta("move")}
            onClick={onMove}
            className="absolute top-0.5 right-0.5 inline-flex h-6 min-w-6 items-center justify-center rounded border border-slate-300 bg-white px-1 font-medium text-slate-800 hover:border-brand-600"
          >
            <span aria-hidden>⇄</span>
          </button>
        )}
      </article>
    </div>
  );
}

export function BlockList({ title, blocks }: { title: string; blocks: Block[] }) {
  if (blocks.length === 0) return null;
  return (
    <section className="mt-4" aria-label={title}>
      <h3 className="text-sm font-bold text-slate-700">{title}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {blocks.map((b) => (
          <li key={b.id}>
            {b.start}–{b.end}{" "}
            <Link href={`/organiser/programme/sessions/${b.id}`} className="text-brand-700 underline">
              {b.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
