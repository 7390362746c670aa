import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ code: string }> };

/** Public check of a certificate: name, dates and hours when valid; plain words otherwise. */
export default async function VerifyPage({ params }: Props) {
  const { code } = await params;
  const t = await getTranslations("verify");
  const api = await serverApi();
  const result = await api.certificate
    .verify({ code: decodeURIComponent(code).slice(0, 40) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS") return { status: "tooMany" as const };
      throw error;
    });
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      {result.status === "valid" ? (
        <section
          className="rounded-xl border-4 border-green-700 bg-green-50 p-5 text-green-950"
          aria-labelledby="verdict"
        >
          <h2 id="verdict" className="text-2xl font-bold">
            {t("valid")}
          </h2>
          <dl className="mt-3 space-y-2">
            <div>
              <dt className="text-sm">{t("name")}</dt>
              <dd className="text-lg font-semibold break-words">{result.name}</dd>
            </div>
            <div>
              <dt className="text-sm">{t("dates")}</dt>
              <dd className="text-lg">{result.dates}</dd>
            </div>
            <div>
              <dt className="text-sm">{t("hours")}</dt>
              <dd className="text-lg">{result.hours}</dd>
            </div>
          </dl>
        </section>
      ) : result.status === "tooMany" ? (
        <p role="alert" className="rounded-xl border-4 border-amber-600 bg-amber-50 p-5 text-amber-950">
          {t("tooMany")}
        </p>
      ) : (
        <section className="rounded-xl border-4 border-red-700 bg-red-50 p-5 text-red-950" aria-labelledby="verdict">
          <h2 id="verdict" className="text-2xl font-bold">
            {result.status === "revoked" ? t("revoked") : t("unknown")}
          </h2>
          <p className="mt-2">{result.status === "revoked" ? t("revokedHint") : t("unknownHint")}</p>
        </section>
      )}
    </div>
  );
}
