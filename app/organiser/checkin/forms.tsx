"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { ConfirmedActionForm } from "~/app/_components/confirmed-action";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton, TextField } from "~/app/_components/forms";
import { reissueAction, setNoShowAction, setStaffAction, undoScanAction } from "~/app/organiser/checkin/actions";

/** Refreshes the server-rendered counts every 10 seconds. */
export function AutoRefresh() {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), 10_000);
    return () => window.clearInterval(timer);
  }, [router]);
  return null;
}

export function UndoButton({ checkInId, name }: { checkInId: string; name: string }) {
  const t = useTranslations("checkinConsole");
  return (
    <ConfirmedActionForm
      action={undoScanAction}
      ask={t("undo")}
      question={t("undoConfirm", { name })}
      yes={t("yes")}
      no={t("no")}
      pending={t("pending")}
    >
      <input type="hidden" name="checkInId" value={checkInId} />
    </ConfirmedActionForm>
  );
}

export function StaffForm() {
  const t = useTranslations("checkinConsole");
  const [state, action] = useActionState(setStaffAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="max-w-md space-y-3">
      <FormAlert state={state} />
      <input type="hidden" name="staff" value="1" />
      <TextField name="email" type="email" label={t("staffEmail")} state={state} required />
      <SubmitButton pendingLabel={t("grantPending")}>{t("grant")}</SubmitButton>
    </form>
  );
}

export function RevokeStaffButton({ email }: { email: string }) {
  const t = useTranslations("checkinConsole");
  const [state, action] = useActionState(setStaffAction, emptyForm);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="staff" value="0" />
      <input type="hidden" name="email" value={email} />
      <SubmitButton tone="danger" pendingLabel="…">
        {t("revoke")}
      </SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}

export function ReissueForm() {
  const t = useTranslations("checkinConsole");
  const [state, action] = useActionState(reissueAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="max-w-md space-y-3">
      <FormAlert state={state} />
      <TextField name="email" type="email" label={t("reissueEmail")} state={state} required />
      <SubmitButton pendingLabel={t("grantPending")}>{t("reissueButton")}</SubmitButton>
    </form>
  );
}

export function NoShowForm({
  sessionId,
  minutes,
  title,
}: {
  sessionId: string;
  minutes: number | null;
  title: string;
}) {
  const t = useTranslations("checkinConsole");
  const [state, action] = useActionState(setNoShowAction, emptyForm);
  const error = state.fieldErrors?.minutes?.[0];
  return (
    <form key={state.stamp ?? 0} action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <label className="sr-only" htmlFor={`noshow-${sessionId}`}>
        {`${t("noShow")} (${t("noShowMinutes")}): ${title}`}
      </label>
      <input
        id={`noshow-${sessionId}`}
        name="minutes"
        type="number"
        min={1}
        max={600}
        inputMode="numeric"
        placeholder={t("noShowOff")}
        defaultValue={state.values?.minutes ?? (minutes === null ? "" : String(minutes))}
        aria-invalid={error ? true : undefined}
        className="w-24 rounded-md border border-slate-300 px-2 py-1"
      />
      <SubmitButton pendingLabel="…">{t("noShowSave")}</SubmitButton>
      {(error || state.message) && (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-green-800" : "text-red-800"}>
          {error ?? state.message}
        </span>
      )}
    </form>
  );
}
