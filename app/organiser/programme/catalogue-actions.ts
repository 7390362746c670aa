"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { unconfirmed } from "~/app/_components/confirmation";
import { errorToFormState, fieldErrorsOf, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import { roomFields, speakerFields, trackFields } from "~/server/organiser/schema";

type Kind = "track" | "room" | "speaker";

const PATHS: Record<Kind, string> = {
  track: "/organiser/programme/tracks",
  room: "/organiser/programme/rooms",
  speaker: "/organiser/programme/speakers",
};

const num = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : Number(v));

function parse(kind: Kind, values: Record<string, string>) {
  if (kind === "track") return trackFields.safeParse({ ...values, order: num(values.order) });
  if (kind === "room") return roomFields.safeParse({ ...values, capacity: num(values.capacity) ?? Number.NaN });
  return speakerFields.safeParse(values);
}

/** Creates or updates a track, room or person (an `id` field means update). */
async function save(kind: Kind, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const t = await getTranslations("organiserProgramme");
  const parsed = parse(kind, values);
  if (!parsed.success) {
    return {
      ok: false,
      message: t("validation"),
      fieldErrors: await fieldErrorsOf(parsed.error),
      values,
      stamp: Date.now(),
    };
  }
  try {
    const api = (await serverApi()).programmeAdmin;
    const id = values.id;
    const data = parsed.data as never;
    if (kind === "track") await (id ? api.updateTrack({ id, data }) : api.createTrack({ data }));
    if (kind === "room") await (id ? api.updateRoom({ id, data }) : api.createRoom({ data }));
    if (kind === "speaker") await (id ? api.updateSpeaker({ id, data }) : api.createSpeaker({ data }));
    revalidatePath(PATHS[kind]);
    return { ok: true, message: t(`${kind}Saved`), values: id ? values : {}, stamp: Date.now() };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

/**
 * Deletes a track, room or person after the «Да, удалить» tick, then opens the list again with
 * `?notice=deleted` (the deleted item's form is gone, so the list page says what happened).
 */
async function remove(kind: Kind, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // Nothing is deleted without the «Да, удалить» tick (a form sent without it changes nothing).
  const refusal = await unconfirmed(formData, { id: values.id ?? "" });
  if (refusal) return refusal;
  try {
    const api = (await serverApi()).programmeAdmin;
    const id = values.id ?? "";
    if (kind === "track") await api.deleteTrack({ id });
    if (kind === "room") await api.deleteRoom({ id });
    if (kind === "speaker") await api.deleteSpeaker({ id });
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath(PATHS[kind]);
  redirect(`${PATHS[kind]}?notice=deleted`);
}

export async function saveTrackAction(_prev: FormState, formData: FormData) {
  return save("track", formData);
}
export async function saveRoomAction(_prev: FormState, formData: FormData) {
  return save("room", formData);
}
export async function saveSpeakerAction(_prev: FormState, formData: FormData) {
  return save("speaker", formData);
}
export async function deleteTrackAction(_prev: FormState, formData: FormData) {
  return remove("track", formData);
}
export async function deleteRoomAction(_prev: FormState, formData: FormData) {
  return remove("room", formData);
}
export async function deleteSpeakerAction(_prev: FormState, formData: FormData) {
  return remove("speaker", formData);
}
