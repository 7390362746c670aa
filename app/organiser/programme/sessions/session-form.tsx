"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { useTRPC } from "~/app/_trpc/react";
import { Checkbox, Input, Select, TextArea } from "~/app/organiser/programme/_components/fields";
import { saveSessionAction, type SessionFormState } from "~/app/organiser/programme/sessions/actions";
import { sessionInputOf } from "~/app/organiser/programme/sessions/form-data";
import { PeoplePicker } from "~/app/organiser/programme/sessions/people-picker";
import type { IssueView } from "~/server/organiser/messages";
import type { PersonOption } from "~/server/organiser/people";
import { sessionFields, type SessionFieldsInput } from "~/server/organiser/schema";

type Option = { value: string; label: string };

export type SessionFormOptions = {
  tracks: Option[];
  rooms: Option[];
  people: PersonOption[];
  formats: Option[];
  days: Option[];
};

/** The form's values as strings (what the inputs hold). */
export type SessionFormValues = Record<string, string>;

function inputOf(form: HTMLFormElement): SessionFieldsInput | null {
  const parsed = sessionFields.safeParse(sessionInputOf(new FormData(form)));
  return parsed.success ? parsed.data : null;
}

/**
 * Create or edit a session. As the organiser types, the same checks the save runs are asked for
 * (debounced) and shown under «Проверка»: errors block the save, warnings need the explicit
 * «Сохранить, несмотря на предупреждения».
 */
export function SessionForm({
  sessionId,
  initial,
  options,
  bookedCount = 0,
  disabled = false,
}: {
  sessionId?: string;
  initial: SessionFormValues;
  options: SessionFormOptions;
  bookedCount?: number;
  disabled?: boolean;
}) {
  const t = useTranslations("organiserProgramme");
  const [state, action] = useActionState<SessionFormState, FormData>(saveSessionAction, {});
  const values = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<{ data: SessionFieldsInput; moveExcess: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // People added from a picker join the list of both pickers.
  const [people, setPeople] = useState(options.people);
  const addPerson = useCallback((p: PersonOption) => setPeople((list) => [...list, p]), []);

  const recheck = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const data = inputOf(form);
      const moveExcess = (form.elements.namedItem("moveExcessToWaitlist") as HTMLInputElement | null)?.checked ?? false;
      setDraft(data ? { data, moveExcess } : null);
    }, 400);
  }, []);
  useEffect(() => {
    recheck();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [recheck, state.stamp]);

  const list = (key: string) => (values[key] ? values[key].split(",").filter(Boolean) : []);
  return (
    <form
      key={state.stamp ?? 0}
      ref={formRef}
      action={action}
      noValidate
      onChange={recheck}
      className="mt-4 grid gap-4 sm:grid-cols-2"
    >
      {sessionId && <input type="hidden" name="id" value={sessionId} />}
      <div className="sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <fieldset disabled={disabled} className="contents">
        <div className="sm:col-span-2">
          <Input name="title" label={t("fieldTitle")} defaultValue={values.title} errors={errors.title} required />
        </div>
        <div className="sm:col-span-2">
          <TextArea
            name="description"
            label={t("fieldDescription")}
            hint={t("descriptionHint")}
            defaultValue={values.description}
            errors={errors.description}
          />
        </div>
        <Select
          name="format"
          label={t("fieldFormat")}
          placeholder={t("formatPlaceholder")}
          options={options.formats}
          defaultValue={values.format ?? ""}
          errors={errors.format}
          required
        />
        <Select
          name="trackId"
          label={t("fieldTrack")}
          placeholder={t("trackPlaceholder")}
          options={options.tracks}
          defaultValue={values.trackId ?? ""}
          errors={errors.trackId}
        />
        <Select
          name="day"
          label={t("fieldDay")}
          options={options.days}
          defaultValue={values.day ?? ""}
          errors={errors.day}
          required
        />
        <div className="grid grid-cols-2 gap-3">
          <Input
            name="start"
            type="time"
            step={300}
            label={t("fieldStart")}
            defaultValue={values.start}
            errors={errors.start}
            required
          />
          <Input
            name="end"
            type="time"
            step={300}
            label={t("fieldEnd")}
            defaultValue={values.end}
            errors={errors.end}
            required
          />
        </div>
        {values.endDay && <input type="hidden" name="endDay" value={values.endDay} />}
        <Select
          name="roomId"
          label={t("fieldRoom")}
          placeholder={t("roomPlaceholder")}
          options={options.rooms}
          defaultValue={values.roomId ?? ""}
          errors={errors.roomId}
        />
        <Input
          name="capacity"
          type="number"
          min={0}
          label={t("fieldCapacity")}
          hint={t("capacityHint")}
          defaultValue={values.capacity}
          errors={errors.capacity}
        />
        <PeoplePicker
          name="moderatorIds"
          label={t("fieldModerators")}
          people={people}
          defaultValue={list("moderatorIds")}
          errors={errors.moderatorIds}
          onCreated={addPerson}
          onChange={recheck}
        />
        <PeoplePicker
          name="speakerIds"
          label={t("fieldSpeakers")}
          people={people}
          defaultValue={list("speakerIds")}
          errors={errors.speakerIds}
          onCreated={addPerson}
          onChange={recheck}
        />
        <div className="space-y-2 sm:col-span-2">
          <Checkbox name="isClosed" label={t("fieldClosed")} defaultChecked={values.isClosed === "on"} />
          <Checkbox name="bookingRequired" label={t("fieldBooking")} defaultChecked={values.bookingRequired === "on"} />
          {bookedCount > 0 && (
            <Checkbox
              name="moveExcessToWaitlist"
              label={t("fieldMoveExcess")}
              defaultChecked={values.moveExcessToWaitlist === "on"}
            />
          )}
        </div>
        <div className="sm:col-span-2">
          <LiveCheck sessionId={sessionId} draft={draft} />
        </div>
        <div className="space-y-3 sm:col-span-2">
          <Checkbox name="acknowledgeWarnings" label={t("fieldAck")} />
          <SubmitButton pendingLabel={t("saving")}>{sessionId ? t("save") : t("create")}</SubmitButton>
        </div>
      </fieldset>
    </form>
  );
}

function IssueList({ title, issues, tone }: { title: string; issues: IssueView[]; tone: "red" | "amber" }) {
  if (issues.length === 0) return null;
  return (
    <div className={tone === "red" ? "text-red-800" : "text-amber-900"}>
      <p className="font-medium">{title}</p>
      <ul className="list-disc pl-5">
        {issues.map((i) => (
          <li key={`${i.code}-${i.message}`}>{i.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The checks for what is typed now; a polite live region, so screen readers hear the result. */
function LiveCheck({
  sessionId,
  draft,
}: {
  sessionId?: string;
  draft: { data: SessionFieldsInput; moveExcess: boolean } | null;
}) {
  const t = useTranslations("organiserProgramme");
  const trpc = useTRPC();
  const check = useQuery(
    trpc.programmeAdmin.checkSession.queryOptions(
      {
        id: sessionId,
        data: draft?.data ?? ({} as SessionFieldsInput),
        moveExcessToWaitlist: draft?.moveExcess ?? false,
      },
      { enabled: draft !== null, staleTime: 0, retry: false },
    ),
  );
  const issues = check.data?.issues ?? [];
  return (
    <section aria-labelledby="live-check" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <h2 id="live-check" className="font-semibold">
        {t("check")}
      </h2>
      <div role="status" aria-live="polite" className="mt-1 space-y-2">
        {!draft ? null : check.isFetching && !check.data ? (
          <p>{t("checking")}</p>
        ) : issues.length === 0 && check.data ? (
          <p className="text-green-800">{t("checkOk")}</p>
        ) : (
          <>
            <IssueList title={t("checkErrors")} issues={issues.filter((i) => i.severity === "error")} tone="red" />
            <IssueList
              title={t("checkWarnings")}
              issues={issues.filter((i) => i.severity === "warning")}
              tone="amber"
            />
          </>
        )}
      </div>
    </section>
  );
}
