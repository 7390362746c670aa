import { getTranslations } from "next-intl/server";
import { NewPasswordForm } from "~/app/reset/forms";

type Props = { params: Promise<{ token: string }> };

export default async function NewPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("reset");
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <NewPasswordForm token={token} />
    </section>
  );
}
