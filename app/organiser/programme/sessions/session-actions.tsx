"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ConfirmCheckbox } from "~/app/_components/confirm-checkbox";
import type { FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { buttonDanger, buttonSecondary } from "~/app/organiser/programme/_components/field-class";
import { Checkbox, Input, Select } from "~/app/organiser/programme/_components/fields";
import {
  cancelSessionAction,
  deleteSessionAction,
  moveSessionAction,
  publishSessionAction,
  type SessionFormState,
} from "~/app/organiser/programme/sessions/actions";

type Option = { value: string; label: string };

/** Publishing puts the session in front of every guest: a «Да, опубликовать» tick comes first. */
export function PublishForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("organiserProgramme");
  const tc = useTranslations("confirmAction");
  const [state, action] = useActionState<FormState, FormData>(publishSessionAction, {});
  return (
    <form key={state.stamp ?? 0} action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      {!state.ok && (
        <>
          <ConfirmCheckbox label={tc("publish", { title })} errors={state.fieldErrors?.confirm} />
          <SubmitButton pendingLabel={t("publishing")}>{t("publish")}</SubmitButton>
        </>
      )}
    </form>
  );
}

/** «Перенести»: the keyboard way to move a session (day, start, room); the length stays. */
export function MoveForm({
  id,
  initial,
  days,
  rooms,
}: {
  id: string;
  initial: { day: string; start: string; roomId: string };
  days: Option[];
  rooms: Option[];
}) {
  const t = useTranslations("organiserProgramme");
  const [state, action] = useActionState<SessionFormState, FormData>(moveSessionAction, {});
  const values = { ...initial, ...state.values };
  const hasWarnings = state.issues?.some((i) => i.severity === "warning") ?? false;
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="space-y-3" aria-labelledby="move-title">
      <h2 id="move-title" className="text-lg font-bold">
        {t("moveTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("moveHint")}</p>
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Select
          name="day"
          label={t("fieldDay")}
          options={days}
          defaultValue={values.day}
          errors={state.fieldErrors?.day}
        />
        <Input
          name="start"
          type="time"
          step={300}
          label={t("fieldStart")}
          defaultValue={values.start}
          errors={state.fieldErrors?.start}
        />
        <Select
          name="roomId"
          label={t("fieldRoom")}
          placeholder={t("roomPlaceholder")}
          options={rooms}
          defaultValue={values.roomId}
          errors={state.fieldErrors?.roomId}
        />
      </div>
      {hasWarnings && <Checkbox name="acknowledgeWarnings" label={t("fieldAck")} />}
      <SubmitButton pendingLabel={t("moving")}>{t("move")}</SubmitButton>
    </form>
  );
}

export function CancelForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("organiserProgramme");
  const [asking, setAsking] = useState(false);
  const [state, action] = useActionState<FormState, FormData>(cancelSessionAction, {});
  if (!asking && !state.message) {
    return (
      <button type="button" className={buttonDanger} onClick={() => setAsking(true)}>
        {t("cancelSession")}
      </button>
    );
  }
  return (
    <form key={state.stamp ?? 0} action={action} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      {!state.ok && (
        <>
          <p className="text-sm text-red-950">{t("cancelConfirm", { title })}</p>
          <Input name="reason" label={t("cancelReason")} />
          <div className="flex flex-wrap gap-2">
            <SubmitButton tone="danger" pendingLabel={t("saving")}>
              {t("cancelYes")}
            </SubmitButton>
            <button type="button" className={buttonSecondary} onClick={() => setAsking(false)}>
              {t("cancelNo")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

export function DeleteForm({ id, title, day }: { id: string; title: string; day: string }) {
  const t = useTranslations("organiserProgramme");
  const [asking, setAsking] = useState(false);
  const [state, action] = useActionState<FormState, FormData>(deleteSessionAction, {});
  if (!asking && !state.message) {
    return (
      <button type="button" className={buttonDanger} onClick={() => setAsking(true)}>
        {t("deleteDraft")}
      </button>
    );
  }
  return (
    <form key={state.stamp ?? 0} action={action} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="day" value={day} />
      <FormAlert state={state} />
      <p className="text-sm text-red-950">{t("deleteConfirm", { title })}</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton tone="danger" pendingLabel={t("saving")}>
          {t("deleteYes")}
        </SubmitButton>
        <button type="button" className={buttonSecondary} onClick={() => setAsking(false)}>
          {t("cancelNo")}
        </button>
      </div>
    </form>
  );
}
