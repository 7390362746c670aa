import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "~/app/_components/form-state";

/**
 * The server's half of ConfirmCheckbox: null when the form says «yes», else the form state that
 * asks for the tick (so a form sent without it, by a script or an old page, changes nothing).
 */
export async function unconfirmed(formData: FormData, values: Record<string, string>): Promise<FormState | null> {
  if (formData.get("confirm") === "yes") return null;
  const t = await getTranslations("confirmAction");
  return { ok: false, message: t("required"), fieldErrors: { confirm: [t("required")] }, values, stamp: Date.now() };
}
