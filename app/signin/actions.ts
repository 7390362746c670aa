"use server";

import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import { signIn, signOut } from "~/server/auth/config";
import { safeNextPath } from "~/server/auth/redirect";

function authErrorMessage(error: AuthError, fallback: string): string {
  const code = (error as AuthError & { code?: string }).code ?? "";
  return code.startsWith("rate_limited:") ? code.slice("rate_limited:".length) : fallback;
}

export async function passwordSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const t = await getTranslations("signin");
  try {
    await signIn("password", {
      email: values.email ?? "",
      password: formData.get("password") ?? "",
      redirectTo: safeNextPath(values.next),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: authErrorMessage(error, t("invalid")), values };
    throw error; // includes Next's redirect after success
  }
}

export async function linkSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const t = await getTranslations("signin");
  try {
    await signIn("link", { token: values.token ?? "", redirectTo: "/account" });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: t("linkInvalid"), values };
    throw error;
  }
}

export async function requestLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const api = await serverApi();
  try {
    await api.account.requestSignInLink({ email: values.email ?? "" });
    const t = await getTranslations("signin");
    return { ok: true, message: t("linkSent") };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
