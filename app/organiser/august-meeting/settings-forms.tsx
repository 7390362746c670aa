"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/app/_components/forms";
import { TextAreaField } from "~/app/august-meeting/form-fields";
import { materialsAction, quotaAction, settingsAction } from "~/app/organiser/august-meeting/actions";
import { QUOTA_MAX, QUOTA_MIN } from "~/server/meeting/rules";

type Option = { value: string; label: string };

export function SettingsForm({
  sessions,
  initial,
}: {
  sessions: Option[];
  initial: { meetingSessionId: string; defaultQuota: string; reserveEnabled: boolean };
}) {
  const t = useTranslations("meetingOrganiser");
  const [state, action] = useActionState(settingsAction, emptyForm);
  const shown = { ...state, values: { ...initial, reserveEnabled: "", ...state.values } };
  const reserveChecked = state.values ? state.values.reserveEnabled === "on" : initial.reserveEnabled;
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="mt-3 space-y-4">
      <FormAlert state={state} />
      <SelectField
        name="meetingSessionId"
        label={t("sessionField")}
        hint={t("sessionHint")}
        state={shown}
        options={sessions}
        placeholder={t("noSession")}
      />
      <TextField
        name="defaultQuota"
        label={t("defaultQuota")}
        hint={t("defaultQuotaHint", { min: QUOTA_MIN, max: QUOTA_MAX })}
        state={shown}
        required
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="reserveEnabled" defaultChecked={reserveChecked} className="mt-0.5 h-4 w-4" />
        <span>
          <span className="font-medium">{t("reserveEnabled")}</span>
          <span className="block text-xs text-slate-600">{t("reserveHint")}</span>
        </span>
      </label>
      <SubmitButton pendingLabel={t("working")}>{t("save")}</SubmitButton>
    </form>
  );
}

export function MaterialsForm({ materials }: { materials: string }) {
  const t = useTranslations("meetingOrganiser");
  const [state, action] = useActionState(materialsAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-3 space-y-3">
      <FormAlert state={state} />
      <TextAreaField
        name="materials"
        label={t("materials")}
        hint={t("materialsHint")}
        state={state}
        defaultValue={materials}
        rows={8}
      />
      <SubmitButton pendingLabel={t("working")}>{t("save")}</SubmitButton>
    </form>
  );
}

export function QuotaForm({ regions, defaultQuota }: { regions: Option[]; defaultQuota: number }) {
  const t = useTranslations("meetingOrganiser");
  const [state, action] = useActionState(quotaAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="mt-3 space-y-3">
      <FormAlert state={state} />
      <SelectField
        name="regionId"
        label={t("quotaRegion")}
        state={state}
        options={regions}
        placeholder={t("chooseRegion")}
        required
      />
      <TextField
        name="quota"
        label={t("quotaValue")}
        hint={t("quotaValueHint", { quota: defaultQuota })}
        state={state}
      />
      <SubmitButton pendingLabel={t("working")}>{t("setQuota")}</SubmitButton>
    </form>
  );
}
