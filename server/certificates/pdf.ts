/** The certificate of participation (A4), with the same fonts and QR drawing as the ticket. */
import { formatZonedTime } from "~/server/programme/time";
import { drawQr, newPdf, pdfBuffer } from "~/server/tickets/pdf";
import { dateFormat, serverTranslator } from "~/server/i18n/translate";

const t = serverTranslator("checkin", "certificatePdf");
const heading = serverTranslator("checkin", "ticketPdf");

export type CertificatePrint = {
  fullName: string;
  dates: string;
  timeZone: string;
  text: string;
  signatory: string;
  sessions: { title: string; startsAt: Date; endsAt: Date }[];
  hours: string;
  code: string;
  url: string;
};

export async function certificatePdf(c: CertificatePrint): Promise<Buffer> {
  const doc = newPdf({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: t("title") },
  });
  const w = doc.page.width - 112;
  doc.rect(0, 0, doc.page.width, 14).fill("#1e40af");
  doc.moveDown(1);
  doc.font("bold").fontSize(12).fillColor("#1e40af").text(heading("heading"), { align: "center", width: w });
  doc.font("regular").fontSize(11).fillColor("#334155").text(c.dates, { align: "center", width: w });
  doc.moveDown(1.5);
  doc.font("bold").fontSize(26).fillColor("#0f172a").text(t("title").toUpperCase(), { align: "center", width: w });
  doc.moveDown(1);
  doc.font("regular").fontSize(12).text(t("confirms"), { align: "center", width: w });
  doc.moveDown(0.5);
  doc.font("bold").fontSize(20).text(c.fullName, { align: "center", width: w });
  doc.moveDown(0.5);
  doc.font("regular").fontSize(12).text(c.text, { align: "center", width: w });
  doc.moveDown(1.2);
  doc.font("bold").fontSize(11).text(t("sessions"), { width: w });
  doc.moveDown(0.3);
  const day = (d: Date) => dateFormat({ day: "numeric", month: "long", timeZone: c.timeZone }).format(d);
  for (const s of c.sessions) {
    doc
      .font("regular")
      .fontSize(10)
      .text(
        `${day(s.startsAt)}, ${formatZonedTime(s.startsAt, c.timeZone)}–${formatZonedTime(s.endsAt, c.timeZone)} — ${s.title}`,
        {
          width: w,
        },
      );
  }
  doc.moveDown(0.5);
  doc
    .font("bold")
    .fontSize(12)
    .text(t("total", { hours: c.hours }), { width: w });
  const bottom = doc.page.height - 56 - 120;
  const y = Math.max(doc.y + 24, bottom);
  doc
    .font("regular")
    .fontSize(10)
    .fillColor("#475569")
    .text(t("signatory"), 56, y, { width: w - 140 });
  doc
    .font("bold")
    .fontSize(12)
    .fillColor("#0f172a")
    .text(c.signatory, 56, doc.y + 2, { width: w - 140 });
  doc
    .font("regular")
    .fontSize(10)
    .fillColor("#0f172a")
    .text(t("code", { code: c.code }), 56, doc.y + 16, { width: w - 140 });
  doc
    .fontSize(9)
    .fillColor("#475569")
    .text(t("verifyAt", { url: c.url }), 56, doc.y + 2, { width: w - 140 });
  drawQr(doc, c.url, doc.page.width - 56 - 120, y, 120);
  return pdfBuffer(doc);
}
