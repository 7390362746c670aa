"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, useTransition } from "react";
import { announce, focusWhenReady } from "~/app/_components/a11y/announce";
import { AnchoredConfirm, MoveConfirm, type Pending } from "~/app/organiser/programme/move-confirm";
import { MoveDialog } from "~/app/organiser/programme/move-dialog";
import { BlockCard, BlockList } from "~/app/organiser/programme/timetable-block";
import {
  blockKey,
  buildGrid,
  find,
  firstBlock,
  step,
  type Move,
  type Position,
} from "~/app/organiser/programme/timetable-cells";

export type Block = {
  id: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  roomId: string | null;
  start: string;
  end: string;
  startMin: number;
  endMin: number;
  color: string;
  track: string | null;
  people: string[];
  canEdit: boolean;
};

type Room = { id: string; name: string; capacity: number };
type Option = { value: string; label: string };

const ROW = 15;
const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

/** Arrow keys, Home/End (row), Ctrl+Home/End (grid): the grid's keyboard model (APG data grid). */
function moveOf(e: React.KeyboardEvent): Move | null {
  if (e.altKey || e.metaKey || e.shiftKey) return null;
  if (e.key === "ArrowUp") return "up";
  if (e.key === "ArrowDown") return "down";
  if (e.key === "ArrowLeft") return "left";
  if (e.key === "ArrowRight") return "right";
  if (e.key === "Home") return e.ctrlKey ? "first" : "rowStart";
  if (e.key === "End") return e.ctrlKey ? "last" : "rowEnd";
  return null;
}

/** Filled by a move; the board focuses the moved block (its cell key) when the refreshed page arrives. */
const focusAfterRefresh = new Set<string>();

/**
 * The day's grid (role=grid): rooms as column headers, half-hours as row headers. One Tab stop
 * (roving tabindex) that starts on the day's first session; arrow keys move between cells, and a
 * long session is left with one press. Free half-hours are links that open the new-session form
 * for that room and time (they work without JavaScript); a session the organiser may edit has a
 * «Перенести» button that opens the move form in a dialog here, and can be dragged onto a free
 * half-hour. Both ask for confirmation after the same checks as the form; a drop's confirmation
 * opens below the cell it was dropped on. The board scrolls inside its own box, with the room
 * header and the time column sticky; rooms share the width (all ten fit at 1280 px).
 */
export function TimetableBoard({
  day,
  dayLabel,
  days,
  rooms,
  blocks,
}: {
  day: string;
  dayLabel: string;
  days: Option[];
  rooms: Room[];
  blocks: Block[];
}) {
  const t = useTranslations("organiserProgramme");
  const ta = useTranslations("a11y");
  const router = useRouter();
  const gridId = useId();
  const [dragging, setDragging] = useState<string | null>(null);
  const [pending, setPending] = useState<(Pending & { anchor: string }) | null>(null);
  const [moving, setMoving] = useState<Block | null>(null);
  const [active, setActive] = useState<Position | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const live = blocks.filter((b) => b.status !== "CANCELLED");
  const placed = live.filter((b) => b.roomId && rooms.some((r) => r.id === b.roomId));
  const from = Math.min(8 * 60, ...placed.map((b) => Math.floor(b.startMin / 60) * 60));
  const to = Math.min(24 * 60, Math.max(20 * 60, ...placed.map((b) => Math.ceil(b.endMin / 60) * 60)));
  const row = (min: number) => Math.floor((Math.max(min, from) - from) / ROW) + 2;
  const slots: number[] = [];
  for (let m = from; m < to; m += 30) slots.push(m);
  const grid = buildGrid({
    rooms,
    slots,
    blocks: placed.map((b) => ({ id: b.id, roomId: b.roomId!, startMin: b.startMin, endMin: b.endMin })),
  });
  const at = active && grid.keys[active.row]?.[active.col] ? active : firstBlock(grid);
  const activeKey = grid.keys[at.row]?.[at.col];
  const inGrid = new Set(grid.keys.flat());
  const tabFor = (key: string) => (key === activeKey || !inGrid.has(key) ? 0 : -1);
  const cellEl = (key: string) => document.getElementById(gridId)?.querySelector<HTMLElement>(`[data-cell="${key}"]`);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const move = moveOf(e);
    if (!move) return;
    e.preventDefault();
    const next = step(grid, at, move);
    setActive(next);
    const key = grid.keys[next.row]?.[next.col];
    if (key) cellEl(key)?.focus();
  };
  const onFocus = (e: React.FocusEvent) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>("[data-cell]")?.dataset.cell;
    if (!key || key === activeKey) return;
    const pos = find(grid, key);
    if (pos) setActive(pos);
  };
  const moved = (block: { id: string; title: string }, text: { room: string; time: string }) => {
    setPending(null);
    setMoving(null);
    announce(ta("sessionMoved", { title: block.title, ...text }));
    focusAfterRefresh.clear();
    focusAfterRefresh.add(blockKey(block.id));
    startRefresh(() => router.refresh());
  };
  useEffect(() => {
    const [key] = focusAfterRefresh;
    if (refreshing || !key) return;
    focusAfterRefresh.clear();
    // Moved to another day: the block left this grid; the grid's first cell takes focus.
    focusWhenReady(() => cellEl(key), { fallback: () => cellEl(activeKey ?? ""), tries: 30 });
  });

  const blockCell = (b: Block) => (
    <BlockCard
      key={b.id}
      block={b}
      column={rooms.findIndex((r) => r.id === b.roomId) + 2}
      rows={`${row(b.startMin)} / ${row(b.endMin)}`}
      tabIndex={tabFor(blockKey(b.id))}
      onDragStart={() => setDragging(b.id)}
      onDragEnd={() => setDragging(null)}
      onMove={() => setMoving(b)}
    />
  );
  const cancelDrop = () => {
    const id = pending?.id;
    setPending(null);
    if (id) focusWhenReady(() => cellEl(blockKey(id)), { tries: 30 });
  };

  const firstKey = grid.keys[firstBlock(grid).row]?.[firstBlock(grid).col];
  return (
    <div className="mt-4">
      {placed.length > 0 && firstKey && (
        <a
          href={`#${gridId}`}
          className="sr-only focus:not-sr-only focus:inline-block focus:rounded focus:bg-white focus:px-2 focus:py-1 focus:text-brand-700 focus:underline"
          onClick={(e) => {
            e.preventDefault();
            setActive(firstBlock(grid));
            cellEl(firstKey)?.focus();
          }}
        >
          {ta("skipToSessions")}
        </a>
      )}
      {moving && (
        <MoveDialog
          block={moving}
          day={day}
          days={days}
          rooms={rooms}
          onClose={() => setMoving(null)}
          onMoved={moved}
        />
      )}
      {/* Scrolls both ways itself (so that the room header and the time column can stick); at
          1280 px and wider every room fits and only the rows scroll. */}
      <div className="relative max-h-[calc(100dvh-4rem)] overflow-auto overscroll-contain rounded-lg border border-slate-200 bg-white">
        <div
          id={gridId}
          role="grid"
          aria-label={ta("timetableLabel")}
          aria-rowcount={slots.length + 1}
          aria-colcount={rooms.length + 1}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          className="grid"
          style={{
            gridTemplateColumns: `4rem repeat(${rooms.length}, minmax(6.5rem, 1fr))`,
            gridTemplateRows: `auto repeat(${(to - from) / ROW}, 1.1rem)`,
          }}
        >
          <div role="row" className="contents">
            <div
              role="columnheader"
              className="sticky top-0 left-0 z-40 border-b border-slate-200 bg-slate-50 p-1 text-xs font-semibold text-slate-600"
            >
              {t("time")}
            </div>
            {rooms.map((r, i) => (
              <div
                key={r.id}
                role="columnheader"
                style={{ gridColumn: i + 2, gridRow: 1 }}
                className="sticky top-0 z-30 min-w-0 border-b border-l border-slate-200 bg-slate-50 p-1 text-xs font-semibold break-words text-slate-700"
              >
                {r.name}
                <span className="block font-normal text-slate-500">{r.capacity}</span>
              </div>
            ))}
          </div>
          {slots.map((m, ri) => (
            <div key={`t-${m}`} role="row" className="contents">
              <div
                role="rowheader"
                style={{ gridColumn: 1, gridRow: `${row(m)} / span 2` }}
                className="sticky left-0 z-30 border-t border-slate-100 bg-white px-1 text-xs text-slate-500"
              >
                {hhmm(m)}
              </div>
              {rooms.map((r, ci) => {
                const key = grid.keys[ri]![ci]!;
                if (key.startsWith("block:")) {
                  // A block's cell is in the row it starts in (aria-rowspan covers the rows it runs
                  // through, which get no cell of their own).
                  return placed
                    .filter((b) => b.roomId === r.id && b.startMin >= m && b.startMin < m + 30)
                    .map((b) => blockCell(b));
                }
                return (
                  <div key={key} role="gridcell" className="contents">
                    <Link
                      href={`/organiser/programme/sessions/new?day=${day}&start=${hhmm(m)}&room=${r.id}`}
                      aria-label={t("newInSlot", { room: r.name, time: hhmm(m) })}
                      data-cell={key}
                      tabIndex={tabFor(key)}
                      style={{ gridColumn: ci + 2, gridRow: `${row(m)} / span 2` }}
                      className={`group flex items-center justify-center border-l border-t border-slate-100 text-slate-500 hover:bg-brand-50 focus:bg-brand-50 ${
                        dragging ? "bg-slate-50" : ""
                      }`}
                      onDragOver={(e) => {
                        if (dragging) e.preventDefault();
                      }}
                      onDrop={(e) => {
                        e.preventDefault();
                        const block = blocks.find((b) => b.id === (e.dataTransfer.getData("text/plain") || dragging));
                        setDragging(null);
                        if (block)
                          setPending({
                            id: block.id,
                            title: block.title,
                            start: hhmm(m),
                            roomId: r.id,
                            roomName: r.name,
                            anchor: key,
                          });
                      }}
                    >
                      <span aria-hidden className="opacity-0 group-hover:opacity-100 group-focus:opacity-100">
                        +
                      </span>
                    </Link>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {pending && (
          <AnchoredConfirm anchor={() => cellEl(pending.anchor)}>
            <MoveConfirm
              day={day}
              dayLabel={dayLabel}
              pending={pending}
              onDone={cancelDrop}
              onMoved={() => moved(pending, { room: pending.roomName, time: `${dayLabel}, ${pending.start}` })}
            />
          </AnchoredConfirm>
        )}
      </div>
      <BlockList title={t("noRoomSessions")} blocks={live.filter((b) => !placed.includes(b))} />
      <BlockList title={t("cancelledOfDay")} blocks={blocks.filter((b) => b.status === "CANCELLED")} />
    </div>
  );
}
