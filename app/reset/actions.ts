"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";

export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const api = await serverApi();
  try {
    await api.account.requestPasswordReset({ email: values.email ?? "" });
    const t = await getTranslations("reset");
    return { ok: true, message: t("sent") };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const api = await serverApi();
  try {
    await api.account.resetPassword({ token: values.token ?? "", password: String(formData.get("password") ?? "") });
  } catch (error) {
    return errorToFormState(error, values);
  }
  redirect("/signin?reset=1");
}
