"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";
import type { ImportReport } from "~/server/organiser/io/service";

export type ImportState = FormState & { report?: ImportReport; file?: { fileName: string; data: string } };

const MAX_BYTES = 700_000;

/** Step 1: the uploaded file is checked row by row; nothing is written. */
export async function previewImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const t = await getTranslations("organiserErrors");
  const upload = formData.get("file");
  if (!(upload instanceof File) || upload.size === 0) {
    return { ok: false, fieldErrors: { file: [t("importEmpty")] }, stamp: Date.now() };
  }
  if (upload.size > MAX_BYTES) return { ok: false, fieldErrors: { file: [t("importTooLarge")] }, stamp: Date.now() };
  const file = { fileName: upload.name, data: Buffer.from(await upload.arrayBuffer()).toString("base64") };
  try {
    const api = await serverApi();
    const report = await api.programmeAdmin.importPreview(file);
    return { ok: report.fileErrors.length === 0, report, file, stamp: Date.now() };
  } catch (error) {
    return errorToFormState(error, {});
  }
}

/** Step 2: the same file, confirmed: all rows in one transaction, or none. */
export async function applyImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const file = { fileName: String(formData.get("fileName") ?? ""), data: String(formData.get("data") ?? "") };
  try {
    const api = await serverApi();
    const report = await api.programmeAdmin.importApply(file);
    revalidatePath("/organiser/programme");
    const t = await getTranslations("organiserImport");
    const { create, update, unchanged } = report.counts;
    return {
      ok: true,
      message: t("applied", { created: create, updated: update, unchanged }),
      report,
      stamp: Date.now(),
    };
  } catch (error) {
    return errorToFormState(error, {});
  }
}
