"use server";

import { TRPCError } from "@trpc/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { unconfirmed } from "~/app/_components/confirmation";
import { errorToFormState, formValues, invalidForm, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import { questionData } from "~/server/questions/schema";

const EDITOR = "/organiser/registration/questions";

/** What the question form sends back after a refusal: the typed text, and the ticked and listed values. */
export type QuestionFormState = FormState & {
  lists?: { categories: string[]; options: string[]; optionIds: string[] };
};

const done = (key: string, id?: string): never => {
  revalidatePath(EDITOR);
  revalidatePath("/organiser/registration");
  redirect(`${EDITOR}?done=${key}${id ? `#q-${id}` : ""}`);
};

/** Creates a question, or updates one when the form carries its id; back to the list when done. */
export async function saveQuestionAction(_prev: QuestionFormState, formData: FormData): Promise<QuestionFormState> {
  const values = formValues(formData);
  const lists = {
    categories: formData.getAll("categories").map(String),
    options: formData.getAll("options").map(String),
    optionIds: formData.getAll("optionIds").map(String),
  };
  const parsed = questionData.safeParse({
    kind: values.kind || undefined,
    label: values.label ?? "",
    help: values.help ?? "",
    required: formData.get("required") === "on",
    categories: lists.categories,
    options: lists.options,
    optionIds: lists.optionIds,
  });
  if (!parsed.success) return { ...(await invalidForm(parsed.error, values)), lists };
  const id = values.id;
  let savedId: string;
  try {
    const api = (await serverApi()).questions;
    savedId = id ? (await api.update({ id, data: parsed.data })).id : (await api.create(parsed.data)).id;
  } catch (error) {
    const state: QuestionFormState = { ...errorToFormState(error, values), lists };
    // A refused edit of an answered question: the kind (when it changed) or an option someone chose.
    if (error instanceof TRPCError && error.code === "CONFLICT") {
      const field = values.initialKind && values.initialKind !== values.kind ? "kind" : "options";
      state.fieldErrors = { [field]: [error.message] };
    }
    return state;
  }
  return done(id ? "saved" : "created", savedId);
}

/** Deletes a question after the confirmation step; the server archives it instead when it has answers. */
export async function removeQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const refused = await unconfirmed(formData, values);
  if (refused) return refused;
  let archived: boolean;
  try {
    archived = (await (await serverApi()).questions.remove({ id: values.id ?? "" })).archived;
  } catch (error) {
    return errorToFormState(error, values);
  }
  return done(archived ? "archived" : "deleted");
}

export async function restoreQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await (await serverApi()).questions.restore({ id: values.id ?? "" });
  } catch (error) {
    return errorToFormState(error, values);
  }
  return done("restored", values.id);
}

export async function moveQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await (
      await serverApi()
    ).questions.move({
      id: values.id ?? "",
      direction: values.direction === "up" ? "up" : "down",
    });
  } catch (error) {
    return errorToFormState(error, values);
  }
  return done("moved", values.id);
}
