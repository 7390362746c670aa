"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { buttonDanger, buttonSecondary } from "~/app/organiser/programme/_components/field-class";
import {
  moveQuestionAction,
  removeQuestionAction,
  restoreQuestionAction,
} from "~/app/organiser/registration/questions/actions";

/** The up and down buttons: each a small form, so it works without JavaScript too. */
export function MoveButtons({ id, label, first, last }: { id: string; label: string; first: boolean; last: boolean }) {
  const t = useTranslations("questionEditor");
  const [state, run] = useActionState<FormState, FormData>(moveQuestionAction, {});
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FormAlert state={state} />
      {(["up", "down"] as const).map((direction) =>
        (direction === "up" ? first : last) ? null : (
          <form key={direction} action={run}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="direction" value={direction} />
            <button
              type="submit"
              className={buttonSecondary}
              aria-label={t(direction === "up" ? "moveUpLabel" : "moveDownLabel", { label })}
            >
              {direction === "up" ? `↑ ${t("moveUp")}` : `↓ ${t("moveDown")}`}
            </button>
          </form>
        ),
      )}
    </div>
  );
}

/**
 * «Удалить» opens the confirmation step in place: what will happen (deleted, or archived when
 * people answered), «Да, удалить» and «Отмена». The server refuses a request without the confirmation.
 */
export function RemoveQuestion({ id, label, answerCount }: { id: string; label: string; answerCount: number }) {
  const t = useTranslations("questionEditor");
  const [state, run] = useActionState<FormState, FormData>(removeQuestionAction, {});
  const [asking, setAsking] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (asking) panel.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <div>
        <FormAlert state={state} />
        <button
          ref={opener}
          type="button"
          className={buttonDanger}
          aria-label={t("removeLabel", { label })}
          onClick={() => setAsking(true)}
        >
          {t("remove")}
        </button>
      </div>
    );
  return (
    <form action={run} className="w-full">
      <div
        ref={panel}
        tabIndex={-1}
        role="group"
        aria-labelledby={headingId}
        className="rounded-md border border-red-300 bg-red-50 p-3"
      >
        <p id={headingId} className="font-semibold text-red-900">
          {t("removeAsk", { label })}
        </p>
        <p className="mt-1 text-sm text-red-900">
          {answerCount > 0 ? t("removeAnswered", { count: answerCount }) : t("removeUnanswered")}
        </p>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="confirm" value="yes" />
        <div className="mt-3 flex flex-wrap gap-2">
          <SubmitButton tone="danger" pendingLabel={t("removing")}>
            {t("removeYes")}
          </SubmitButton>
          <button
            type="button"
            className={buttonSecondary}
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          >
            {t("cancel")}
          </button>
        </div>
      </div>
    </form>
  );
}

export function RestoreButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("questionEditor");
  const [state, run] = useActionState<FormState, FormData>(restoreQuestionAction, {});
  return (
    <form action={run} className="space-y-2">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={buttonSecondary} aria-label={t("restoreLabel", { label })}>
        {t("restore")}
      </button>
    </form>
  );
}
