import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";

/** The certificate of participation on /my, once the person has been scanned at a session door. */
export async function CertificateCard() {
  const api = await serverApi();
  const [cert, t] = await Promise.all([api.certificate.mine(), getTranslations("certificateCard")]);
  return (
    <section aria-labelledby="certificate" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="certificate" className="text-lg font-bold">
        {t("title")}
      </h2>
      {!cert ? (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-slate-600">{t("lead")}</p>
          <p>{t("hours", { count: cert.sessions, hours: cert.hours })}</p>
          <a
            href="/my/certificate.pdf"
            download
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
          >
            {t("download")}
          </a>
        </div>
      )}
    </section>
  );
}
