/**
 * The printable ticket (A6) and the QR code itself. pdfkit writes the PDF with DejaVu Sans from
 * the dejavu-fonts-ttf package (Cyrillic; embedded as a subset); the QR code is drawn as vector
 * squares from the qrcode package's matrix, so it prints sharp at any size.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { dateFormat, serverTranslator } from "~/server/i18n/translate";

const t = serverTranslator("checkin", "ticketPdf");
const categoryT = serverTranslator("account", "categories");

type FontName = "regular" | "bold";
const fontFiles: Record<FontName, string> = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };
const fontCache = new Map<FontName, Buffer>();

/** The font's bytes, read once per process from node_modules (kept out of the bundle). */
export function pdfFont(name: FontName): Buffer {
  let font = fontCache.get(name);
  if (!font) {
    const dir = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
    font = readFileSync(path.join(dir, fontFiles[name]));
    fontCache.set(name, font);
  }
  return font;
}

/** A new PDF document whose fonts are DejaVu (no built-in Helvetica, which has no Cyrillic). */
export function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ ...options, font: pdfFont("regular") as unknown as string });
  doc.registerFont("regular", pdfFont("regular"));
  doc.registerFont("bold", pdfFont("bold"));
  return doc;
}

/** Collects a finished document into one Buffer. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** Draws a QR code of `text` as a square of side `size` at (x, y), with a white quiet zone. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill("#ffffff");
  doc.fillColor("#000000");
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill("#000000");
  doc.restore();
}

/** The QR code as SVG markup (for /my) and as PNG bytes. */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
export const qrPng = (text: string): Promise<Buffer> =>
  QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 8 });

export type TicketPrint = {
  secret: string;
  fullName: string;
  organisation: string;
  region: string | null;
  category: string;
  /** «25–29 августа 2025 · Калуга» */
  dates: string;
};

/** «25–29 августа 2025 · Калуга» (25–29 August 2025 · …) from the edition's first and last day in its time zone, in the current locale. */
export function forumDates(edition: { startsAt: Date; endsAt: Date; city: string; timeZone: string }): string {
  const last = new Date(edition.endsAt.getTime() - 1);
  const day = (d: Date) => dateFormat({ day: "numeric", timeZone: edition.timeZone }).format(d);
  const monthYear = dateFormat({
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: edition.timeZone,
  })
    .format(last)
    .replace(/^\d+\s/, "")
    .replace(/\sг\.$/, "");
  return `${day(edition.startsAt)}–${day(last)} ${monthYear} · ${edition.city}`;
}

/** The ticket's body on the current page of `doc`, within the box (x, y, w, h). */
export function drawTicket(
  doc: PDFKit.PDFDocument,
  ticket: TicketPrint,
  box: { x: number; y: number; w: number; h: number },
  extra: { stripe?: string; kind?: string } = {},
): void {
  const pad = 18;
  const x = box.x + pad;
  const w = box.w - 2 * pad;
  doc.save();
  doc.rect(box.x, box.y, box.w, 10).fill(extra.stripe ?? "#1e40af");
  doc.restore();
  let y = box.y + 22;
  doc.font("bold").fontSize(9).fillColor("#1e40af").text(t("heading"), x, y, { width: w, align: "center" });
  y = doc.y + 2;
  doc.font("regular").fontSize(9).fillColor("#334155").text(ticket.dates, x, y, { width: w, align: "center" });
  y = doc.y + 8;
  doc
    .font("bold")
    .fontSize(8)
    .fillColor("#64748b")
    .text((extra.kind ?? t("kind")).toUpperCase(), x, y, { width: w, align: "center", characterSpacing: 1 });
  y = doc.y + 6;
  doc.font("bold").fontSize(16).fillColor("#0f172a").text(ticket.fullName, x, y, { width: w, align: "center" });
  y = doc.y + 6;
  const line = (label: string, value: string) => {
    doc.font("regular").fontSize(7).fillColor("#64748b").text(label, x, y, { width: w, align: "center" });
    doc.font("regular").fontSize(9).fillColor("#0f172a").text(value, x, doc.y, { width: w, align: "center" });
    y = doc.y + 4;
  };
  line(t("organisation"), ticket.organisation);
  line(t("region"), ticket.region ?? t("noRegion"));
  line(t("category"), categoryT(ticket.category as never));
  const qrSize = Math.min(w, box.y + box.h - y - 34, 190);
  drawQr(doc, ticket.secret, box.x + (box.w - qrSize) / 2, y, qrSize);
  doc
    .font("regular")
    .fontSize(7)
    .fillColor("#475569")
    .text(t("hint"), x, y + qrSize + 4, { width: w, align: "center" });
}

/** The A6 ticket PDF. */
export async function ticketPdf(ticket: TicketPrint): Promise<Buffer> {
  const doc = newPdf({ size: "A6", margin: 0, info: { Title: `${t("kind")}: ${ticket.fullName}` } });
  drawTicket(doc, ticket, { x: 0, y: 0, w: doc.page.width, h: doc.page.height });
  return pdfBuffer(doc);
}
