import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "~/app/reset/forms";

export default async function ResetPage() {
  const t = await getTranslations("reset");
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("lead")}</p>
      <RequestResetForm />
    </section>
  );
}
