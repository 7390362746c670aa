"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";

export async function feedbackAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await (
      await serverApi()
    ).feedback.give({
      sessionId: values.sessionId ?? "",
      rating: Number(values.rating ?? ""),
      comment: values.comment ?? "",
    });
    revalidatePath("/my");
    return { ok: true, message: (await getTranslations("feedback"))("thanks") };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
