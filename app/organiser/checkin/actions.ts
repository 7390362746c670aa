"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";

export async function undoScanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await (await serverApi()).checkin.undo({ checkInId: values.checkInId ?? "" });
    revalidatePath("/organiser/checkin");
    return { ok: true, message: (await getTranslations("checkinConsole"))("undoneOk") };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function setStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const staff = values.staff === "1";
    const user = await (await serverApi()).checkin.setStaff({ email: values.email ?? "", staff });
    revalidatePath("/organiser/checkin");
    const t = await getTranslations("checkinConsole");
    return { ok: true, message: t(staff ? "granted" : "revoked", { email: user.email }), stamp: Date.now() };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function reissueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const result = await (await serverApi()).ticket.reissueByEmail({ email: values.email ?? "" });
    return {
      ok: true,
      message: (await getTranslations("checkinConsole"))("reissueDone", { email: result.email }),
      stamp: Date.now(),
    };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function setNoShowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const raw = (values.minutes ?? "").trim();
    const minutes = raw === "" ? null : Number(raw);
    await (
      await serverApi()
    ).checkin.setNoShowRelease({
      sessionId: values.sessionId ?? "",
      minutes: minutes === null || Number.isFinite(minutes) ? minutes : Number.NaN,
    });
    revalidatePath("/organiser/checkin");
    return { ok: true, message: (await getTranslations("checkinConsole"))("noShowSaved"), values, stamp: Date.now() };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
