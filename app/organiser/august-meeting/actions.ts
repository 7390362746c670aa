"use server";

import { unconfirmed } from "~/app/_components/confirmation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";

type Values = Record<string, string>;

/** Runs an organiser's decision, refreshes the console, and reports the outcome to the form. */
async function run(formData: FormData, call: (values: Values) => Promise<string>): Promise<FormState> {
  const values = formValues(formData);
  try {
    const message = await call(values);
    revalidatePath("/organiser/august-meeting", "layout");
    return { ok: true, message, values, stamp: Date.now() };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

const done = async (key: "accredited" | "declined" | "approved" | "rejected" | "saved") =>
  (await getTranslations("meetingOrganiser.done"))(key);

export async function accreditAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const refusal = await unconfirmed(formData, formValues(formData));
  if (refusal) return refusal;
  return run(formData, async (v) => {
    await (await serverApi()).meeting.accredit({ id: v.id ?? "" });
    return done("accredited");
  });
}

export async function declineAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const refusal = await unconfirmed(formData, formValues(formData));
  if (refusal) return refusal;
  return run(formData, async (v) => {
    await (await serverApi()).meeting.decline({ id: v.id ?? "", reason: v.reason ?? "" });
    return done("declined");
  });
}

export async function approveSubstituteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    await (await serverApi()).meeting.approveSubstitute({ id: v.id ?? "" });
    return done("approved");
  });
}

export async function rejectSubstituteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    await (await serverApi()).meeting.rejectSubstitute({ id: v.id ?? "", reason: v.reason });
    return done("rejected");
  });
}

export async function settingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    await (
      await serverApi()
    ).meeting.updateSettings({
      meetingSessionId: v.meetingSessionId,
      defaultQuota: v.defaultQuota,
      reserveEnabled: v.reserveEnabled === "on",
    });
    return done("saved");
  });
}

export async function materialsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    await (await serverApi()).meeting.setMaterials({ materials: v.materials ?? "" });
    return done("saved");
  });
}

export async function quotaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return run(formData, async (v) => {
    await (
      await serverApi()
    ).meeting.setQuota({
      regionId: v.regionId,
      quota: v.quota,
    });
    return done("saved");
  });
}
