"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";

export async function setTrackEditorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const api = await serverApi();
    const result = await api.programmeAdmin.setTrackEditor({
      userId: values.userId ?? "",
      trackIds: formData.getAll("trackIds").map(String),
    });
    revalidatePath("/admin/track-editors");
    return {
      ok: true,
      message: (await getTranslations("trackEditors"))("saved", { email: result.email }),
      stamp: Date.now(),
    };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
