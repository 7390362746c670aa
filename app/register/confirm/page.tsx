import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TokenForm } from "~/app/_components/token-form";
import { confirmAction } from "~/app/register/actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("confirm");
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="mt-2 text-slate-700">{t("lead")}</p>
          <TokenForm
            action={confirmAction}
            token={token}
            submit={t("submit")}
            pending={t("submitting")}
            done={
              <Link
                href="/signin?confirmed=1"
                className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white"
              >
                {t("signIn")}
              </Link>
            }
          />
        </>
      ) : (
        <p role="alert" className="mt-3 text-red-800">
          {t("missing")}
        </p>
      )}
    </section>
  );
}
