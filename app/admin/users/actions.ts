"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorToFormState, formValues, type FormState } from "~/app/_components/form-state";
import { serverApi } from "~/app/_trpc/server";

export async function setRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const api = await serverApi();
    const user = await api.admin.setRole({
      userId: values.userId ?? "",
      role: values.role === "ORGANISER" ? "ORGANISER" : "PARTICIPANT",
    });
    const t = await getTranslations();
    revalidatePath("/admin/users");
    return { ok: true, message: t("adminUsers.changed", { email: user.email, role: t(`roles.${user.role}`) }) };
  } catch (error) {
    return errorToFormState(error, values);
  }
}
