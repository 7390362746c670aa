"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import type { ApplyInput } from "~/server/meeting/schema";

type Values = Record<string, string>;

/** Runs an API call for a form, refreshes the pages that show the application, and reports the outcome. */
async function run(formData: FormData, call: (values: Values) => Promise<string>): Promise<FormState> {
  const values = formValues(formData);
  try {
    const message = await call(values);
    revalidatePath("/august-meeting");
    revalidatePath("/my");
    return { ok: true, message, values, stamp: Date.now() };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function applyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    const api = await serverApi();
    const result = await api.meeting.submit({
      authorityName: v.authorityName ?? "",
      position: v.position ?? "",
      role: v.role as ApplyInput["role"],
      topic: (v.topic || undefined) as ApplyInput["topic"],
      question: v.question ?? "",
    });
    const t = await getTranslations("meetingApply");
    return t(result.status === "RESERVE" ? "doneReserve" : "done", { region: result.regionName });
  });
}

export async function withdrawAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async () => {
    const api = await serverApi();
    await api.meeting.withdraw();
    return (await getTranslations("meetingMy"))("withdrawn");
  });
}

export async function proposeSubstituteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    const api = await serverApi();
    await api.meeting.proposeSubstitute({ applicationId: v.applicationId ?? "", email: v.email ?? "", note: v.note });
    return (await getTranslations("meetingMy"))("proposed");
  });
}

export async function cancelSubstituteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    const api = await serverApi();
    await api.meeting.cancelSubstitute({ id: v.id ?? "" });
    return (await getTranslations("meetingMy"))("proposalCancelled");
  });
}
