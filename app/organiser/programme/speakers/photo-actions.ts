"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { unconfirmed } from "~/app/_components/confirmation";
import { errorToFormState, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import { PHOTO_MAX_BYTES } from "~/server/organiser/schema";

const PATH = "/organiser/programme/speakers";

/** Uploads (or replaces) a speaker's photo: the file goes to the server as is; sharp checks and resizes it there. */
export async function uploadSpeakerPhotoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("speakerPhoto");
  const id = String(formData.get("id") ?? "");
  const upload = formData.get("photo");
  const refuse = (message: string): FormState => ({
    ok: false,
    message,
    fieldErrors: { photo: [message] },
    values: { id },
    stamp: Date.now(),
  });
  if (!(upload instanceof File) || upload.size === 0) return refuse(t("empty"));
  if (upload.size > PHOTO_MAX_BYTES) return refuse(t("tooLarge", { max: PHOTO_MAX_BYTES / 1024 / 1024 }));
  try {
    const data = Buffer.from(await upload.arrayBuffer()).toString("base64");
    await (await serverApi()).programmeAdmin.setSpeakerPhoto({ id, data });
  } catch (error) {
    const state = errorToFormState(error, { id });
    return { ...state, fieldErrors: { photo: state.message ? [state.message] : [] } };
  }
  revalidatePath(PATH);
  return { ok: true, message: t("saved"), values: { id }, stamp: Date.now() };
}

/** Removes a speaker's photo after the «Да, удалить» tick (the public pages fall back to initials). */
export async function removeSpeakerPhotoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get("id") ?? "");
  const refusal = await unconfirmed(formData, { id });
  if (refusal) return refusal;
  try {
    await (await serverApi()).programmeAdmin.removeSpeakerPhoto({ id });
  } catch (error) {
    return errorToFormState(error, { id });
  }
  revalidatePath(PATH);
  const t = await getTranslations("speakerPhoto");
  return { ok: true, message: t("removed"), values: { id }, stamp: Date.now() };
}
