"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmCheckbox } from "~/app/_components/confirm-checkbox";
import type { FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { Input, TextArea } from "~/app/organiser/programme/_components/fields";
import {
  deleteRoomAction,
  deleteSpeakerAction,
  deleteTrackAction,
  saveRoomAction,
  saveSpeakerAction,
  saveTrackAction,
} from "~/app/organiser/programme/catalogue-actions";

type Values = Record<string, string>;

function useForm(action: (prev: FormState, data: FormData) => Promise<FormState>, initial: Values) {
  const [state, run] = useActionState<FormState, FormData>(action, {});
  return { state, run, values: { ...initial, ...state.values }, errors: state.fieldErrors ?? {} };
}

export function TrackForm({ initial = {} }: { initial?: Values }) {
  const t = useTranslations("organiserProgramme");
  const { state, run, values, errors } = useForm(saveTrackAction, initial);
  return (
    <form key={state.stamp ?? 0} action={run} noValidate className="grid gap-3 sm:grid-cols-4">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <div className="sm:col-span-4">
        <FormAlert state={state} />
      </div>
      <Input name="code" label={t("trackCode")} defaultValue={values.code} errors={errors.code} required />
      <div className="sm:col-span-2">
        <Input name="title" label={t("trackTitle")} defaultValue={values.title} errors={errors.title} required />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Input
          name="color"
          type="color"
          label={t("trackColor")}
          defaultValue={values.color ?? "#1d4ed8"}
          errors={errors.color}
        />
        <Input
          name="order"
          type="number"
          min={0}
          label={t("trackOrder")}
          defaultValue={values.order ?? "0"}
          errors={errors.order}
        />
      </div>
      <div className="sm:col-span-4">
        <TextArea
          name="description"
          rows={3}
          label={t("trackDescription")}
          defaultValue={values.description}
          errors={errors.description}
        />
      </div>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{initial.id ? t("save") : t("add")}</SubmitButton>
      </div>
    </form>
  );
}

export function RoomForm({ initial = {} }: { initial?: Values }) {
  const t = useTranslations("organiserProgramme");
  const dt = useTranslations("roomDirections");
  const { state, run, values, errors } = useForm(saveRoomAction, initial);
  return (
    <form key={state.stamp ?? 0} action={run} noValidate className="grid gap-3 sm:grid-cols-4">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <div className="sm:col-span-4">
        <FormAlert state={state} />
      </div>
      <div className="sm:col-span-2">
        <Input name="name" label={t("roomName")} defaultValue={values.name} errors={errors.name} required />
      </div>
      <Input
        name="capacity"
        type="number"
        min={1}
        label={t("roomCapacity")}
        defaultValue={values.capacity}
        errors={errors.capacity}
        required
      />
      <Input name="floor" label={t("roomFloor")} defaultValue={values.floor} errors={errors.floor} />
      <div className="sm:col-span-4">
        <TextArea
          name="description"
          rows={3}
          label={dt("description")}
          hint={dt("descriptionHint")}
          defaultValue={values.description}
          errors={errors.description}
        />
      </div>
      <div className="sm:col-span-4">
        <Input
          name="mapUrl"
          type="url"
          label={dt("mapUrl")}
          hint={dt("mapUrlHint")}
          defaultValue={values.mapUrl}
          errors={errors.mapUrl}
        />
      </div>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{initial.id ? t("save") : t("add")}</SubmitButton>
      </div>
    </form>
  );
}

export function SpeakerForm({ initial = {} }: { initial?: Values }) {
  const t = useTranslations("organiserProgramme");
  const { state, run, values, errors } = useForm(saveSpeakerAction, initial);
  return (
    <form key={state.stamp ?? 0} action={run} noValidate className="grid gap-3 sm:grid-cols-3">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <div className="sm:col-span-3">
        <FormAlert state={state} />
      </div>
      <Input
        name="fullName"
        label={t("speakerFullName")}
        defaultValue={values.fullName}
        errors={errors.fullName}
        required
      />
      <Input name="position" label={t("speakerPosition")} defaultValue={values.position} errors={errors.position} />
      <Input
        name="organisation"
        label={t("speakerOrganisation")}
        defaultValue={values.organisation}
        errors={errors.organisation}
      />
      <div className="sm:col-span-3">
        <TextArea name="bio" rows={3} label={t("speakerBio")} defaultValue={values.bio} errors={errors.bio} />
      </div>
      <div>
        <SubmitButton pendingLabel={t("saving")}>{initial.id ? t("save") : t("add")}</SubmitButton>
      </div>
    </form>
  );
}

const DELETE = { track: deleteTrackAction, room: deleteRoomAction, speaker: deleteSpeakerAction };
const CONFIRM = { track: "deleteTrack", room: "deleteRoom", speaker: "deleteSpeaker" } as const;

/**
 * «Удалить» for a track, room or person: a required «Да, удалить …» tick comes first (the browser
 * will not send the form unticked; the server action refuses it too), so it works with the keyboard
 * and without JavaScript like the other confirmations.
 */
export function DeleteButton({ kind, id, label }: { kind: keyof typeof DELETE; id: string; label: string }) {
  const t = useTranslations("organiserProgramme");
  const tc = useTranslations("confirmAction");
  const [state, run] = useActionState<FormState, FormData>(DELETE[kind], {});
  return (
    <form key={state.stamp ?? 0} action={run} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      <ConfirmCheckbox label={tc(CONFIRM[kind], { name: label })} errors={state.fieldErrors?.confirm} />
      <button
        type="submit"
        aria-label={`${t("delete")}: ${label}`}
        className="text-sm text-red-800 underline hover:text-red-900"
      >
        {t("delete")}
      </button>
    </form>
  );
}
