"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { ConfirmCheckbox } from "~/app/_components/confirm-checkbox";
import type { FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { SpeakerAvatar } from "~/app/_components/speaker-avatar";
import { removeSpeakerPhotoAction, uploadSpeakerPhotoAction } from "~/app/organiser/programme/speakers/photo-actions";

type Speaker = { id: string; fullName: string; photo: { hash: string } | null };

/** A speaker's photo in the organiser's list: the current picture (or initials), upload or replace, remove. */
export function SpeakerPhotoForm({ speaker, maxMb }: { speaker: Speaker; maxMb: number }) {
  const t = useTranslations("speakerPhoto");
  const tc = useTranslations("confirmAction");
  const [upload, runUpload] = useActionState<FormState, FormData>(uploadSpeakerPhotoAction, {});
  const [removal, runRemoval] = useActionState<FormState, FormData>(removeSpeakerPhotoAction, {});
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const errors = upload.fieldErrors?.photo;
  return (
    <div className="flex flex-wrap items-start gap-4 border-t border-slate-200 pt-3">
      <SpeakerAvatar
        speaker={speaker}
        size="large"
        alt={speaker.photo ? t("current", { name: speaker.fullName }) : ""}
      />
      <div className="min-w-0 flex-1 space-y-3">
        <form key={upload.stamp ?? 0} action={runUpload} noValidate className="space-y-2">
          <input type="hidden" name="id" value={speaker.id} />
          {upload.ok && <FormAlert state={upload} />}
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            {t("label")}
          </label>
          <input
            id={inputId}
            type="file"
            name="photo"
            accept="image/*,.heic,.heif"
            aria-describedby={errors?.length ? `${hintId} ${errorId}` : hintId}
            aria-invalid={errors?.length ? true : undefined}
            className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
          <p id={hintId} className="text-xs text-slate-600">
            {t("hint", { max: maxMb })}
          </p>
          {errors?.length ? (
            <p id={errorId} role="alert" className="text-sm text-red-700">
              {errors.join(" ")}
            </p>
          ) : null}
          <SubmitButton pendingLabel={t("uploading")}>{t("upload")}</SubmitButton>
        </form>
        {speaker.photo && (
          <form key={removal.stamp ?? 0} action={runRemoval} className="space-y-2">
            <input type="hidden" name="id" value={speaker.id} />
            <FormAlert state={removal} />
            <ConfirmCheckbox
              label={tc("removePhoto", { name: speaker.fullName })}
              errors={removal.fieldErrors?.confirm}
            />
            <SubmitButton tone="danger" pendingLabel={`${t("remove")}…`}>
              {t("remove")}
            </SubmitButton>
          </form>
        )}
        {!speaker.photo && removal.ok && <FormAlert state={removal} />}
      </div>
    </div>
  );
}
