import { getTranslations } from "next-intl/server";
import { TokenForm } from "~/app/_components/token-form";
import { confirmEmailChangeAction } from "~/app/account/actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations();
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("accountPage.emailConfirmTitle")}</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="mt-2 text-slate-700">{t("accountPage.emailConfirmLead")}</p>
          <TokenForm
            action={confirmEmailChangeAction}
            token={token}
            submit={t("accountPage.emailConfirmSubmit")}
            pending={t("accountPage.saving")}
          />
        </>
      ) : (
        <p role="alert" className="mt-3 text-red-800">
          {t("confirm.missing")}
        </p>
      )}
    </section>
  );
}
