"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { MoveConfirm, type Pending } from "~/app/organiser/programme/move-confirm";
import type { Block } from "~/app/organiser/programme/timetable-board";

type Option = { value: string; label: string };
const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 sm:text-sm";

/**
 * «Перенести» on a timetable block: day, start and room in a modal dialog over the board (the
 * keyboard way to move a session without leaving the timetable); then the same checks and
 * confirmation as a drop. Escape or «Закрыть» closes it and focus returns to the block's button.
 */
export function MoveDialog({
  block,
  day,
  days,
  rooms,
  onClose,
  onMoved,
}: {
  block: Block;
  day: string;
  days: Option[];
  rooms: { id: string; name: string }[];
  onClose: () => void;
  onMoved: (block: Block, text: { room: string; time: string }) => void;
}) {
  const t = useTranslations("organiserProgramme");
  const ta = useTranslations("a11y");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [target, setTarget] = useState<{ day: string; pending: Pending } | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const dayLabel = (d: string) => days.find((o) => o.value === d)?.label ?? d;

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-1rem))] rounded-lg border border-slate-300 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-lg font-bold">
        {ta("moveTitle", { title: block.title })}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("moveHint")}</p>
      <form
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const roomId = String(data.get("roomId") ?? "");
          setTarget({
            day: String(data.get("day") ?? day),
            pending: {
              id: block.id,
              title: block.title,
              start: String(data.get("start") ?? block.start),
              roomId,
              roomName: rooms.find((r) => r.id === roomId)?.name ?? "",
            },
          });
        }}
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="block text-sm font-medium text-slate-800">
            {t("fieldDay")}
            <select name="day" defaultValue={day} className={field}>
              {days.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-800">
            {t("fieldStart")}
            <input name="start" type="time" step={300} required defaultValue={block.start} className={field} />
          </label>
          <label className="block text-sm font-medium text-slate-800">
            {t("fieldRoom")}
            <select name="roomId" defaultValue={block.roomId ?? ""} className={field}>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
          >
            {t("move")}
          </button>
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm"
          >
            {ta("moveClose")}
          </button>
        </div>
      </form>
      {target && (
        <div className="mt-3">
          <MoveConfirm
            key={`${target.day}-${target.pending.start}-${target.pending.roomId}`}
            day={target.day}
            dayLabel={dayLabel(target.day)}
            pending={target.pending}
            onDone={() => setTarget(null)}
            onMoved={() =>
              onMoved(block, {
                room: target.pending.roomName,
                time: `${dayLabel(target.day)}, ${target.pending.start}`,
              })
            }
          />
        </div>
      )}
    </dialog>
  );
}
