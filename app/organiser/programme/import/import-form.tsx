"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { FieldBox } from "~/app/organiser/programme/_components/fields";
import { applyImportAction, previewImportAction, type ImportState } from "~/app/organiser/programme/import/actions";
import type { ImportReport } from "~/server/organiser/io/service";

const ACTION_TONE = {
  create: "bg-green-100 text-green-900",
  update: "bg-blue-100 text-blue-900",
  unchanged: "bg-slate-100 text-slate-700",
  error: "bg-red-100 text-red-900",
} as const;

/** Upload → preview (row by row) → confirm. The confirm step re-sends the same file. */
export function ImportForm() {
  const t = useTranslations("organiserImport");
  const [preview, previewAction] = useActionState<ImportState, FormData>(previewImportAction, {});
  const [applied, applyAction] = useActionState<ImportState, FormData>(applyImportAction, {});
  const report = applied.report ?? preview.report;
  const canApply =
    !applied.ok &&
    preview.report &&
    preview.file &&
    preview.report.fileErrors.length === 0 &&
    preview.report.counts.error === 0;
  return (
    <div className="space-y-4">
      <form key={preview.stamp ?? 0} action={previewAction} className="space-y-3">
        <FormAlert state={preview} />
        <FieldBox label={t("file")} errors={preview.fieldErrors?.file}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="file"
              name="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              className="mt-1 block text-sm"
            />
          )}
        </FieldBox>
        <SubmitButton pendingLabel={t("previewing")}>{t("preview")}</SubmitButton>
      </form>

      {report && <Report report={report} />}
      <FormAlert state={applied} />
      {canApply && (
        <form action={applyAction} className="space-y-2">
          <input type="hidden" name="fileName" value={preview.file!.fileName} />
          <input type="hidden" name="data" value={preview.file!.data} />
          {preview.report!.rows.some((r) => r.warnings.length > 0) && <p className="text-sm">{t("warningsAck")}</p>}
          <SubmitButton pendingLabel={t("applying")}>{t("apply")}</SubmitButton>
        </form>
      )}
      {preview.report && preview.report.counts.error > 0 && !applied.ok && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t("fixAndRetry")}
        </p>
      )}
    </div>
  );
}

function Report({ report }: { report: ImportReport }) {
  const t = useTranslations("organiserImport");
  if (report.fileErrors.length > 0) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        <p className="font-medium">{t("fileErrors")}</p>
        <ul className="list-disc pl-5">
          {report.fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <section aria-label={t("preview")} className="space-y-2">
      <p role="status" className="text-sm font-medium">
        {t("summary", report.counts)}
      </p>
      {report.notes.map((n) => (
        <p key={n} className="text-sm text-slate-600">
          {n}
        </p>
      ))}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2">{t("line")}</th>
              <th className="px-3 py-2">{t("action")}</th>
              <th className="px-3 py-2">{t("session")}</th>
              <th className="px-3 py-2">{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.line} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{r.line}</td>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${ACTION_TONE[r.action]}`}>
                    {t(r.action)}
                  </span>
                </td>
                <td className="px-3 py-2">
                  {r.title}
                  {r.when && <span className="block text-xs text-slate-500">{r.when}</span>}
                </td>
                <td className="px-3 py-2">
                  <ul className="space-y-1">
                    {r.errors.map((e) => (
                      <li key={e} className="text-red-800">
                        {e}
                      </li>
                    ))}
                    {r.warnings.map((w) => (
                      <li key={w} className="text-amber-900">
                        {w}
                      </li>
                    ))}
                    {r.newSpeakers.length > 0 && (
                      <li className="text-slate-600">{t("newSpeakers", { names: r.newSpeakers.join(", ") })}</li>
                    )}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
