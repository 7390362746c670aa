"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/app/_components/forms";
import { applyAction } from "~/app/august-meeting/actions";
import { RadioGroup, TextAreaField } from "~/app/august-meeting/form-fields";
import { MEETING_TOPICS, QUESTION_MAX } from "~/server/meeting/rules";

/** The application to the region's delegation. The region comes from the registration and is shown, not chosen. */
export function ApplyForm({
  region,
  organisation,
  position,
}: {
  region: string;
  organisation: string;
  position: string;
}) {
  const t = useTranslations();
  const [state, action] = useActionState(applyAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="mt-4 space-y-4">
      <FormAlert state={state} />
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">
        {t("meetingApply.region", { region })} <span className="text-slate-600">{t("meetingApply.regionHint")}</span>
      </p>
      <div className="grid gap-4">
        <TextField
          name="authorityName"
          label={t("meetingApply.authorityName")}
          hint={t("meetingApply.authorityNameHint")}
          state={state}
          defaultValue={organisation}
          required
        />
        <TextField name="position" label={t("meetingApply.position")} state={state} defaultValue={position} required />
      </div>
      <RadioGroup
        name="role"
        legend={t("meetingApply.role")}
        state={state}
        options={[
          { value: "HEAD", label: t("meetingRoles.HEAD"), hint: t("meetingApply.headHint") },
          { value: "MEMBER", label: t("meetingRoles.MEMBER"), hint: t("meetingApply.memberHint") },
        ]}
      />
      <SelectField
        name="topic"
        label={t("meetingApply.topic")}
        state={state}
        placeholder={t("meetingApply.noTopic")}
        options={MEETING_TOPICS.map((topic) => ({ value: topic, label: t(`meetingTopics.${topic}`) }))}
      />
      <TextAreaField
        name="question"
        label={t("meetingApply.question")}
        hint={t("meetingApply.questionHint", { max: QUESTION_MAX })}
        state={state}
        maxLength={QUESTION_MAX}
      />
      <SubmitButton pendingLabel={t("meetingApply.sending")}>{t("meetingApply.submit")}</SubmitButton>
    </form>
  );
}
