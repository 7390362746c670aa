import { getFormatter, getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";

/** The participant's ticket on /my: the QR code, who it is for, the PDF. Server-rendered. */
export async function TicketCard() {
  const api = await serverApi();
  const [ticket, t, ta, format] = await Promise.all([
    api.ticket.mine(),
    getTranslations("ticketCard"),
    getTranslations("categories"),
    getFormatter(),
  ]);
  return (
    <section aria-labelledby="ticket" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="ticket" className="text-lg font-bold">
        {t("title")}
      </h2>
      {!ticket ? (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-start">
          {/* The SVG comes from the qrcode library on the server, never from input; a data URL
              has nothing for next/image to optimise. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`data:image/svg+xml;base64,${Buffer.from(ticket.qrSvg).toString("base64")}`}
            alt={t("qrAlt")}
            width={224}
            height={224}
            className="mx-auto h-56 w-56 rounded border border-slate-200 bg-white sm:mx-0"
            data-ticket-secret={ticket.secret}
          />
          <div className="min-w-0 space-y-1">
            <p className="text-lg font-semibold break-words">{ticket.fullName}</p>
            <p className="text-sm text-slate-700 break-words">{ticket.organisation}</p>
            {ticket.region && <p className="text-sm text-slate-700">{ticket.region}</p>}
            <p className="text-sm text-slate-700">{ta(ticket.category as never)}</p>
            <p className="text-sm text-slate-700">{ticket.dates}</p>
            <p className="text-xs text-slate-500">
              {t("issuedAt", {
                date: format.dateTime(ticket.issuedAt, { day: "numeric", month: "long", year: "numeric" }),
              })}
            </p>
            <p className="pt-2 text-sm text-slate-600">{t("lead")}</p>
            <p className="pt-2">
              <a
                href="/my/ticket.pdf"
                download
                className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
              >
                {t("download")}
              </a>
            </p>
            <p className="text-xs text-slate-500">{t("downloadHint")}</p>
          </div>
        </div>
      )}
    </section>
  );
}
