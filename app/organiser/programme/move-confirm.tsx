"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { serverMessage } from "~/app/_components/booking/errors";
import { useTRPC } from "~/app/_trpc/react";

export type Pending = { id: string; title: string; start: string; roomId: string; roomName: string };

/**
 * A move of a session to a new day, time and room (after a drop on the timetable, or from the
 * «Перенести» dialog): the checks for the new place, then an explicit confirmation.
 */
export function MoveConfirm({
  day,
  dayLabel,
  pending,
  onDone,
  onMoved,
}: {
  day: string;
  dayLabel: string;
  pending: Pending;
  /** «Отмена» or Escape. */
  onDone: () => void;
  /** The move is saved (the caller refreshes the page). */
  onMoved: () => void;
}) {
  const t = useTranslations("organiserProgramme");
  const trpc = useTRPC();
  const [ack, setAck] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = { id: pending.id, day, start: pending.start, roomId: pending.roomId };
  const check = useQuery(trpc.programmeAdmin.checkMove.queryOptions(input, { staleTime: 0 }));
  const move = useMutation(
    trpc.programmeAdmin.moveSession.mutationOptions({
      onError: (e) => setError(serverMessage(e) ?? t("validation")),
      onSuccess: onMoved,
    }),
  );
  const groupRef = useRef<HTMLDivElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const checked = Boolean(check.data);
  // At once the question takes focus (a drop leaves it nowhere); when the checks are in, «Да,
  // перенести» takes it, or the group stays focused (its errors) when the move is refused.
  useEffect(() => {
    if (!checked) {
      groupRef.current?.focus({ preventScroll: true });
      return;
    }
    if (yesRef.current && !yesRef.current.disabled) yesRef.current.focus();
    else groupRef.current?.focus();
  }, [checked]);
  const issues = check.data?.issues ?? [];
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const blocked = !check.data || errors.length > 0 || !check.data.canEdit || (warnings.length > 0 && !ack);
  return (
    <div
      ref={groupRef}
      tabIndex={-1}
      role="group"
      aria-labelledby="move-q"
      className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <p id="move-q" className="font-medium">
        {t("moveConfirm", { title: pending.title, day: dayLabel, time: pending.start, room: pending.roomName })}
      </p>
      {check.isLoading && <p role="status">{t("checking")}</p>}
      {errors.length > 0 && (
        <ul role="alert" className="mt-2 list-disc pl-5 text-red-800">
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
          ref={yesRef}
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

/**
 * Puts the drop's confirmation next to the cell it was dropped on (absolutely, inside the
 * timetable's scrolling box, below the cell and kept within the grid's width) and scrolls it into
 * view, so the question appears where the organiser is looking.
 */
export function AnchoredConfirm({
  anchor,
  children,
}: {
  anchor: () => HTMLElement | null | undefined;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    const cell = anchor();
    const scroller = box?.offsetParent;
    if (!box || !cell || !(scroller instanceof HTMLElement)) return;
    const s = scroller.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const left = c.left - s.left + scroller.scrollLeft;
    setPlace({
      top: c.bottom - s.top + scroller.scrollTop,
      left: Math.max(0, Math.min(left, scroller.scrollWidth - box.offsetWidth)),
    });
    // The anchor is read once, when the confirmation opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (place) ref.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [place]);
  return (
    <div
      ref={ref}
      data-move-confirm
      style={place ?? { top: 0, left: 0 }}
      className="absolute z-50 w-[min(20rem,calc(100%-1rem))] shadow-xl [&>div]:mb-0"
    >
      {children}
    </div>
  );
}
