"use server";

import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { errorToFormState, formValues, invalidForm, type FormState } from "~/app/_components/form-state";
import { answerValues } from "~/app/_components/answer-values";
import { serverApi } from "~/app/_trpc/server";
import { PARTICIPANT_CATEGORIES, type ParticipantCategoryValue } from "~/server/account/rules";
import { registerAgainInput, registrationInput } from "~/server/account/schema";
import { answersSchema } from "~/server/questions/rules";

const isCategory = (v: string | undefined): v is ParticipantCategoryValue =>
  (PARTICIPANT_CATEGORIES as readonly string[]).includes(v ?? "");

/**
 * The answers' own errors, checked here too when the rest of the form is refused before the API
 * is called, so that one submit lists every field to fix. The API checks them again.
 */
async function answerIssues(category: string | undefined, answers: Record<string, string | string[]>) {
  if (!isCategory(category)) return [];
  const api = await serverApi();
  const checked = answersSchema(await api.questions.form(), category).safeParse(answers);
  return checked.success ? [] : checked.error.issues;
}

async function refused(error: ZodError, values: Record<string, string>, answers: Record<string, string | string[]>) {
  const all = new ZodError([...error.issues, ...(await answerIssues(values.category, answers))]);
  return { ...(await invalidForm(all, values)), answers };
}

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const answers = answerValues(formData);
  // The procedure's own schema reads the form (strings as typed) and gives its typed input.
  const parsed = registrationInput.safeParse({
    ...values,
    password: formData.get("password"),
    consent: formData.get("consent") === "on",
    answers,
  });
  if (!parsed.success) return refused(parsed.error, values, answers);
  const api = await serverApi();
  try {
    const { email } = await api.account.register(parsed.data);
    const t = await getTranslations("registration");
    return { ok: true, message: t("done", { email }) };
  } catch (error) {
    return { ...errorToFormState(error, values), answers };
  }
}

/** «Зарегистрироваться снова»: a signed-in person whose registration was cancelled. */
export async function registerAgainAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const answers = answerValues(formData);
  const parsed = registerAgainInput.safeParse({ ...values, consent: formData.get("consent") === "on", answers });
  if (!parsed.success) return refused(parsed.error, values, answers);
  const api = await serverApi();
  try {
    const { status } = await api.account.registerAgain(parsed.data);
    const t = await getTranslations("registration");
    return { ok: true, message: status === "CONFIRMED" ? t("againDone") : t("againPending") };
  } catch (error) {
    return { ...errorToFormState(error, values), answers };
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
