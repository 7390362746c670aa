"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { setRoleAction } from "~/app/admin/users/actions";

export function RoleButton({ userId, makeOrganiser }: { userId: string; makeOrganiser: boolean }) {
  const t = useTranslations("adminUsers");
  const [state, action] = useActionState(setRoleAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={makeOrganiser ? "ORGANISER" : "PARTICIPANT"} />
      <SubmitButton pendingLabel="…" tone={makeOrganiser ? "primary" : "danger"}>
        {makeOrganiser ? t("grant") : t("revoke")}
      </SubmitButton>
      <FormAlert state={state} />
    </form>
  );
}
