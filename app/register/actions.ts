"use server";

import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import type { RegistrationInput } from "~/server/account/schema";

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const api = await serverApi();
  try {
    // Strings as typed: the procedure's schema validates and converts them.
    const input = { ...values, password: formData.get("password"), consent: formData.get("consent") === "on" };
    const { email } = await api.account.register(input as unknown as RegistrationInput);
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
    const { email } = await api.account.confirm({ token: values.token ?? "" });
    const t = await getTranslations("confirm");
    return { ok: true, message: t("done", { email }) };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
