"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { setTrackEditorAction } from "~/app/admin/track-editors/actions";

type Track = { id: string; title: string; color: string };

/** One organiser's tracks as checkboxes; none checked = every track. */
export function TrackEditorForm({
  userId,
  email,
  tracks,
  selected,
}: {
  userId: string;
  email: string;
  tracks: Track[];
  selected: string[];
}) {
  const t = useTranslations("trackEditors");
  const [state, action] = useActionState<FormState, FormData>(setTrackEditorAction, {});
  return (
    <form key={state.stamp ?? 0} action={action} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <FormAlert state={state} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">
          {t("tracks")}: {email}
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {tracks.map((tr) => (
            <label key={tr.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="trackIds"
                value={tr.id}
                defaultChecked={selected.includes(tr.id)}
                className="h-4 w-4"
              />
              <span
                aria-hidden
                className="inline-block h-2.5 w-2.5 rounded-full"
                style={{ backgroundColor: tr.color }}
              />
              {tr.title}
            </label>
          ))}
        </div>
        {selected.length === 0 && <p className="mt-2 text-sm text-slate-600">{t("all")}</p>}
      </fieldset>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
