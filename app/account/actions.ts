"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, invalidForm, type FormState } from "~/app/_components/form-state";
import { answerValues } from "~/app/_components/answer-values";
import { serverApi } from "~/app/_trpc/server";
import { profileFields } from "~/server/account/schema";
import { signIn, signOut } from "~/server/auth/config";
import { getSessionUser } from "~/server/auth/session";

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

export const updateProfileAction: Action = async (prev, formData) => {
  // The procedure's own schema reads the form and gives its typed input.
  const parsed = profileFields.safeParse(formValues(formData));
  if (!parsed.success) return invalidForm(parsed.error, formValues(formData));
  return formAction(async () => {
    const api = await serverApi();
    await api.account.updateProfile(parsed.data);
    return (await getTranslations("accountPage"))("saved");
  })(prev, formData);
};

export const requestEmailChangeAction: Action = async (prev, formData) =>
  formAction(async (data) => {
    const api = await serverApi();
    await api.account.requestEmailChange({ email: String(data.get("email") ?? "") });
    return (await getTranslations("accountPage"))("emailSent");
  })(prev, formData);

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const user = await getSessionUser();
  const newPassword = String(formData.get("newPassword") ?? "");
  try {
    const api = await serverApi();
    await api.account.changePassword({ currentPassword: String(formData.get("currentPassword") ?? ""), newPassword });
  } catch (error) {
    return errorToFormState(error, values);
  }
  // Every session, this one included, now carries an old version: sign this one in afresh.
  await signIn("password", {
    email: user?.email ?? "",
    password: newPassword,
    redirectTo: "/account?passwordChanged=1",
  });
  return {};
}

/** Cancels, then lands on /register?cancelled=1, which says what happened and how to register again. */
export async function cancelRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const api = await serverApi();
    await api.account.cancelRegistration();
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath("/account");
  redirect("/register?cancelled=1");
}

/** Saves the answers to the organisers' questions; a refusal keeps every answer as typed. */
export async function saveAnswersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const answers = answerValues(formData);
  try {
    const api = await serverApi();
    await api.questions.saveMine({ answers });
    revalidatePath("/account");
    return { ok: true, message: (await getTranslations("answerForm"))("saved"), values, answers, stamp: Date.now() };
  } catch (error) {
    return { ...errorToFormState(error, values), answers };
  }
}

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
