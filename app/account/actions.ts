"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import type { ProfileFields } from "~/server/account/schema";
import { signOut, unstable_update } from "~/server/auth/config";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** Runs an API call for a form and turns its outcome into form state. */
function formAction(run: (formData: FormData) => Promise<string | undefined>): Action {
  return async (_prev, formData) => {
    const values = formValues(formData);
    try {
      const message = await run(formData);
      revalidatePath("/account");
      return { ok: true, message, values, stamp: Date.now() };
    } catch (error) {
      return errorToFormState(error, values);
    }
  };
}

export const updateProfileAction: Action = async (prev, formData) =>
  formAction(async (data) => {
    const api = await serverApi();
    await api.account.updateProfile(Object.fromEntries(data) as unknown as ProfileFields);
    return (await getTranslations("accountPage"))("saved");
  })(prev, formData);

export const requestEmailChangeAction: Action = async (prev, formData) =>
  formAction(async (data) => {
    const api = await serverApi();
    await api.account.requestEmailChange({ email: String(data.get("email") ?? "") });
    return (await getTranslations("accountPage"))("emailSent");
  })(prev, formData);

export const changePasswordAction: Action = async (prev, formData) =>
  formAction(async (data) => {
    const api = await serverApi();
    const { sessionVersion } = await api.account.changePassword({
      currentPassword: String(data.get("currentPassword") ?? ""),
      newPassword: String(data.get("newPassword") ?? ""),
    });
    // Other sessions end; this one carries the new version and stays signed in.
    await unstable_update({ sv: sessionVersion } as never);
    return (await getTranslations("accountPage"))("passwordChanged");
  })(prev, formData);

export const cancelRegistrationAction: Action = async (prev, formData) =>
  formAction(async () => {
    const api = await serverApi();
    await api.account.cancelRegistration();
    return (await getTranslations("accountPage"))("cancelDone");
  })(prev, formData);

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const api = await serverApi();
    await api.account.deleteAccount({ confirmEmail: values.confirmEmail ?? "" });
  } catch (error) {
    return errorToFormState(error, values);
  }
  await signOut({ redirectTo: "/" });
  redirect("/");
}

export async function confirmEmailChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const api = await serverApi();
    const { email } = await api.account.confirmEmailChange({ token: values.token ?? "" });
    return { ok: true, message: (await getTranslations("accountPage"))("emailConfirmed", { email }) };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
