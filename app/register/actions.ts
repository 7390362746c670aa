"use server";

import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, invalidForm, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import { registrationInput } from "~/server/account/schema";

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // The procedure's own schema reads the form (strings as typed) and gives its typed input.
  const parsed = registrationInput.safeParse({
    ...values,
    password: formData.get("password"),
    consent: formData.get("consent") === "on",
  });
  if (!parsed.success) return invalidForm(parsed.error, values);
  const api = await serverApi();
  try {
    const { email } = await api.account.register(parsed.data);
    const t = await getTranslations("registration");
    return { ok: true, message: t("done", { email }) };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function confirmAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const api = await serverApi();
  try {
    const { email, already } = await api.account.confirm({ token: values.token ?? "" });
    const t = await getTranslations("confirm");
    return { ok: true, message: already ? t("already", { email }) : t("done", { email }) };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
