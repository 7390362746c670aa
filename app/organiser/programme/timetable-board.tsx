"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { serverMessage } from "~/app/_components/booking/errors";
import { useTRPC } from "~/app/_trpc/react";

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
type Pending = { id: string; title: string; start: string; roomId: string; roomName: string };

const ROW = 15;
const pad = (n: number) => String(n).padStart(2, "0");
const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

/**
 * The day's grid: one column per room, one row per 15 minutes. Free half-hours are links that
 * open the new-session form for that room and time (they work without JavaScript); blocks of
 * sessions the organiser may edit can be dragged onto a free half-hour, which asks for
 * confirmation after the same checks as the form. The keyboard route is the «Перенести» form on
 * the session's page.
 */
export function TimetableBoard({
  day,
  dayLabel,
  rooms,
  blocks,
}: {
  day: string;
  dayLabel: string;
  rooms: Room[];
  blocks: Block[];
}) {
  const t = useTranslations("organiserProgramme");
  const [dragging, setDragging] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const live = blocks.filter((b) => b.status !== "CANCELLED");
  const placed = live.filter((b) => b.roomId && rooms.some((r) => r.id === b.roomId));
  const from = Math.min(8 * 60, ...placed.map((b) => Math.floor(b.startMin / 60) * 60));
  const to = Math.min(24 * 60, Math.max(20 * 60, ...placed.map((b) => Math.ceil(b.endMin / 60) * 60)));
  const row = (min: number) => Math.floor((Math.max(min, from) - from) / ROW) + 2;
  const slots: number[] = [];
  for (let m = from; m < to; m += 30) slots.push(m);
  const free = (roomId: string, start: number) =>
    !placed.some((b) => b.roomId === roomId && b.startMin < start + 30 && start < b.endMin);

  return (
    <div className="mt-4">
      {pending && <MoveConfirm day={day} dayLabel={dayLabel} pending={pending} onDone={() => setPending(null)} />}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <div
          className="grid"
          style={{
            gridTemplateColumns: `4rem repeat(${rooms.length}, minmax(9rem, 1fr))`,
            gridTemplateRows: `auto repeat(${(to - from) / ROW}, 1.1rem)`,
          }}
          aria-label={t("timetable")}
          role="region"
        >
          <div className="sticky left-0 z-20 border-b border-slate-200 bg-slate-50 p-1 text-xs font-semibold text-slate-600">
            {t("time")}
          </div>
          {rooms.map((r, i) => (
            <div
              key={r.id}
              style={{ gridColumn: i + 2, gridRow: 1 }}
              className="border-b border-l border-slate-200 bg-slate-50 p-1 text-xs font-semibold text-slate-700"
            >
              {r.name}
              <span className="block font-normal text-slate-500">{r.capacity}</span>
            </div>
          ))}
          {slots.map((m) => (
            <div
              key={`t-${m}`}
              style={{ gridColumn: 1, gridRow: `${row(m)} / span 2` }}
              className="sticky left-0 z-10 border-t border-slate-100 bg-white px-1 text-xs text-slate-500"
            >
              {hhmm(m)}
            </div>
          ))}
          {rooms.flatMap((r, i) =>
            slots
              .filter((m) => free(r.id, m))
              .map((m) => (
                <Link
                  key={`${r.id}-${m}`}
                  href={`/organiser/programme/sessions/new?day=${day}&start=${hhmm(m)}&room=${r.id}`}
                  aria-label={t("newInSlot", { room: r.name, time: hhmm(m) })}
                  style={{ gridColumn: i + 2, gridRow: `${row(m)} / span 2` }}
                  className={`group flex items-center justify-center border-l border-t border-slate-100 text-slate-300 hover:bg-brand-50 focus:bg-brand-50 ${
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
                      setPending({ id: block.id, title: block.title, start: hhmm(m), roomId: r.id, roomName: r.name });
                  }}
                >
                  <span aria-hidden className="opacity-0 group-hover:opacity-100 group-focus:opacity-100">
                    +
                  </span>
                </Link>
              )),
          )}
          {placed.map((b) => {
            const col = rooms.findIndex((r) => r.id === b.roomId) + 2;
            return (
              <article
                key={b.id}
                aria-labelledby={`tt-${b.id}`}
                draggable={b.canEdit}
                onDragStart={(e) => {
                  e.dataTransfer.setData("text/plain", b.id);
                  e.dataTransfer.effectAllowed = "move";
                  setDragging(b.id);
                }}
                onDragEnd={() => setDragging(null)}
                style={{
                  gridColumn: col,
                  gridRow: `${row(b.startMin)} / ${row(b.endMin)}`,
                  borderLeftColor: b.color,
                  backgroundColor: `${b.color}14`,
                }}
                className={`z-10 m-0.5 overflow-hidden rounded border border-l-4 border-slate-200 p-1 text-xs leading-tight ${
                  b.canEdit ? "cursor-grab" : ""
                } ${b.status === "DRAFT" ? "border-dashed" : ""}`}
              >
                <p className="font-medium text-slate-600">
                  {b.start}–{b.end}
                  {b.status === "DRAFT" && (
                    <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">{t("draft")}</span>
                  )}
                  {!b.canEdit && <span className="ml-1 text-slate-500">· {t("readOnly")}</span>}
                </p>
                <h3 id={`tt-${b.id}`} className="font-semibold text-slate-900">
                  <Link href={`/organiser/programme/sessions/${b.id}`} className="hover:underline">
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
                    {b.track}
                  </p>
                )}
              </article>
            );
          })}
        </div>
      </div>
      <BlockList title={t("noRoomSessions")} blocks={live.filter((b) => !placed.includes(b))} />
      <BlockList title={t("cancelledOfDay")} blocks={blocks.filter((b) => b.status === "CANCELLED")} />
    </div>
  );
}

function BlockList({ title, blocks }: { title: string; blocks: Block[] }) {
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

/** After a drop: the checks for the new place, then an explicit confirmation. */
function MoveConfirm({
  day,
  dayLabel,
  pending,
  onDone,
}: {
  day: string;
  dayLabel: string;
  pending: Pending;
  onDone: () => void;
}) {
  const t = useTranslations("organiserProgramme");
  const trpc = useTRPC();
  const router = useRouter();
  const [ack, setAck] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = { id: pending.id, day, start: pending.start, roomId: pending.roomId };
  const check = useQuery(trpc.programmeAdmin.checkMove.queryOptions(input, { staleTime: 0 }));
  const move = useMutation(
    trpc.programmeAdmin.moveSession.mutationOptions({
      onError: (e) => setError(serverMessage(e) ?? t("validation")),
      onSuccess: () => {
        onDone();
        router.refresh();
      },
    }),
  );
  const issues = check.data?.issues ?? [];
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const blocked = !check.data || errors.length > 0 || !check.data.canEdit || (warnings.length > 0 && !ack);
  return (
    <div
      role="group"
      aria-labelledby="move-q"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
    >
      <p id="move-q" className="font-medium">
        {t("moveConfirm", { title: pending.title, day: dayLabel, time: pending.start, room: pending.roomName })}
      </p>
      {check.isLoading && <p role="status">{t("checking")}</p>}
      {errors.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-red-800">
          {errors.map((i) => (
            <li key={i.message}>{i.message}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <ul className="mt-2 list-disc pl-5">
            {warnings.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            {t("fieldAck")}
          </label>
        </>
      )}
      {check.data && check.data.toNotify > 0 && (
        <p className="mt-2">{t("moveNotify", { count: check.data.toNotify })}</p>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={blocked || move.isPending}
          onClick={() => move.mutate({ ...input, acknowledgeWarnings: ack })}
          className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          {move.isPending ? t("moving") : t("moveYes")}
        </button>
        <button
          type="button"
          onClick={onDone}
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2"
        >
          {t("moveNo")}
        </button>
      </div>
    </div>
  );
}
