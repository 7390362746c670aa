"use server";

import { unconfirmed } from "~/app/_components/confirmation";
import { TRPCError } from "@trpc/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorToFormState, fieldErrorsOf, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import { sessionInputOf } from "~/app/organiser/programme/sessions/form-data";
import { ConflictError } from "~/server/organiser/context";
import type { IssueView } from "~/server/organiser/messages";
import { moveSessionInput, sessionFields } from "~/server/organiser/schema";

export type SessionFormState = FormState & { issues?: IssueView[] };

const FIELD_OF_ISSUE: Record<IssueView["field"], string> = {
  time: "end",
  roomId: "roomId",
  people: "speakerIds",
  capacity: "capacity",
};

/** Typed values to put back into the form (multiple selects joined with commas). */
function valuesOf(formData: FormData): Record<string, string> {
  return {
    ...formValues(formData),
    moderatorIds: formData.getAll("moderatorIds").map(String).join(","),
    speakerIds: formData.getAll("speakerIds").map(String).join(","),
    isClosed: formData.get("isClosed") === "on" ? "on" : "",
    bookingRequired: formData.get("bookingRequired") === "on" ? "on" : "",
    acknowledgeWarnings: "",
    moveExcessToWaitlist: formData.get("moveExcessToWaitlist") === "on" ? "on" : "",
  };
}

/** A refused save: the message, and each issue next to its field. */
function conflictState(error: unknown, values: Record<string, string>): SessionFormState | null {
  if (!(error instanceof TRPCError) || !(error.cause instanceof ConflictError)) return null;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.cause.issues) {
    const key = FIELD_OF_ISSUE[issue.field];
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  return { ok: false, message: error.message, fieldErrors, issues: error.cause.issues, values, stamp: Date.now() };
}

export async function saveSessionAction(_prev: SessionFormState, formData: FormData): Promise<SessionFormState> {
  const values = valuesOf(formData);
  const t = await getTranslations("organiserProgramme");
  const parsed = sessionFields.safeParse(sessionInputOf(formData));
  if (!parsed.success) {
    return {
      ok: false,
      message: t("validation"),
      fieldErrors: await fieldErrorsOf(parsed.error),
      values,
      stamp: Date.now(),
    };
  }
  const id = values.id;
  const options = {
    acknowledgeWarnings: formData.get("acknowledgeWarnings") === "on",
    moveExcessToWaitlist: formData.get("moveExcessToWaitlist") === "on",
  };
  let createdId: string | null = null;
  try {
    const api = await serverApi();
    if (id) {
      const result = await api.programmeAdmin.updateSession({ id, data: parsed.data, ...options });
      revalidatePath("/organiser/programme");
      revalidatePath(`/organiser/programme/sessions/${id}`);
      return {
        ok: true,
        message: result.notified > 0 ? t("savedNotified", { count: result.notified }) : t("saved"),
        values,
        stamp: Date.now(),
      };
    }
    createdId = (await api.programmeAdmin.createSession({ data: parsed.data, ...options })).id;
  } catch (error) {
    return conflictState(error, values) ?? errorToFormState(error, values);
  }
  revalidatePath("/organiser/programme");
  redirect(`/organiser/programme/sessions/${createdId}?notice=created`);
}

export async function moveSessionAction(_prev: SessionFormState, formData: FormData): Promise<SessionFormState> {
  const values = formValues(formData);
  const t = await getTranslations("organiserProgramme");
  const parsed = moveSessionInput.safeParse({
    id: values.id,
    day: values.day,
    start: (values.start ?? "").slice(0, 5),
    roomId: values.roomId || null,
    acknowledgeWarnings: formData.get("acknowledgeWarnings") === "on",
  });
  if (!parsed.success) {
    return {
      ok: false,
      message: t("validation"),
      fieldErrors: await fieldErrorsOf(parsed.error),
      values,
      stamp: Date.now(),
    };
  }
  let notified = 0;
  try {
    const api = await serverApi();
    notified = (await api.programmeAdmin.moveSession(parsed.data)).notified;
  } catch (error) {
    const conflict = conflictState(error, values);
    if (conflict) return { ...conflict, fieldErrors: undefined };
    return errorToFormState(error, values);
  }
  revalidatePath("/organiser/programme");
  redirect(`/organiser/programme/sessions/${parsed.data.id}?notice=moved&count=${notified}`);
}

export async function publishSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const refusal = await unconfirmed(formData, values);
  if (refusal) return refusal;
  try {
    const api = await serverApi();
    await api.programmeAdmin.publishSession({ id: values.id ?? "" });
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath("/organiser/programme");
  redirect(`/organiser/programme/sessions/${values.id}?notice=published`);
}

export async function cancelSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let notified = 0;
  try {
    const api = await serverApi();
    notified = (await api.programmeAdmin.cancelSession({ id: values.id ?? "", reason: values.reason ?? "" })).notified;
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath("/organiser/programme");
  redirect(`/organiser/programme/sessions/${values.id}?notice=cancelled&count=${notified}`);
}

export async function deleteSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const api = await serverApi();
    await api.programmeAdmin.deleteSession({ id: values.id ?? "" });
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath("/organiser/programme");
  redirect(`/organiser/programme?day=${values.day ?? ""}`);
}
