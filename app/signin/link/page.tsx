import { getTranslations } from "next-intl/server";
import { TokenForm } from "~/app/_components/token-form";
import { linkSignInAction } from "~/app/signin/actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LinkSignInPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("signin");
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("linkPageTitle")}</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="mt-2 text-slate-700">{t("linkPageLead")}</p>
          <TokenForm action={linkSignInAction} token={token} submit={t("submit")} pending={t("submitting")} />
        </>
      ) : (
        <p role="alert" className="mt-3 text-red-800">
          {t("linkInvalid")}
        </p>
      )}
    </section>
  );
}
