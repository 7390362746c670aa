/**
 * The printable sign-in sheet: per session (or every session of a room, a session per page
 * group), an A4 table with №, ФИО, организация and an empty «Подпись» column for the seated
 * people, then blank rows for those who come without a seat. pdfkit with DejaVu, as the ticket.
 */
import { newPdf, pdfBuffer } from "~/server/tickets/pdf";
import { exportT } from "~/server/i18n/server-messages";
import { dateFormat } from "~/server/i18n/translate";

export type SignInSection = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  people: readonly { fullName: string; organisation: string; email: string }[];
};

const MARGIN = 40;
const ROW = 24;
const BLANK_ROWS = 5;

function span(s: SignInSection, timeZone: string): string {
  const day = dateFormat({ dateStyle: "long", timeZone }).format(s.startsAt);
  const time = (d: Date) => dateFormat({ timeStyle: "short", timeZone }).format(d);
  return `${day}, ${time(s.startsAt)}–${time(s.endsAt)} · ${s.room ?? exportT("noRoom")}`;
}

export async function signInSheetPdf({
  sections,
  timeZone,
}: {
  sections: readonly SignInSection[];
  timeZone: string;
}): Promise<Buffer> {
  const doc = newPdf({ size: "A4", margin: MARGIN, info: { Title: exportT("signInTitle") }, autoFirstPage: false });
  const width = 595.28 - 2 * MARGIN;
  const cols = [28, 190, 170, width - 28 - 190 - 170];
  const headers = [exportT("number"), exportT("fullName"), exportT("organisation"), exportT("signature")];
  const bottom = 841.89 - MARGIN;

  const tableHeader = (y: number) => {
    doc.font("bold").fontSize(9).fillColor("#0f172a");
    let x = MARGIN;
    headers.forEach((h, i) => {
      doc.text(h, x + 4, y + 7, { width: cols[i]! - 8, lineBreak: false });
      x += cols[i]!;
    });
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(MARGIN + width, y + ROW)
      .lineWidth(1)
      .stroke("#0f172a");
    return y + ROW;
  };

  const sectionHead = (s: SignInSection, continued: boolean) => {
    doc.addPage();
    doc.font("bold").fontSize(14).fillColor("#0f172a").text(exportT("signInTitle"), MARGIN, MARGIN, { width });
    doc
      .font("bold")
      .fontSize(12)
      .text(continued ? `${s.title} ${exportT("continued")}` : s.title, { width });
    doc.font("regular").fontSize(10).fillColor("#334155").text(span(s, timeZone), { width });
    return tableHeader(doc.y + 8);
  };

  for (const s of sections.length > 0 ? sections : []) {
    let y = sectionHead(s, false);
    const rows = [...s.people.map((p) => [p.fullName || p.email, p.organisation]), ...Array(BLANK_ROWS).fill(["", ""])];
    rows.forEach(([name, organisation], i) => {
      if (y + ROW > bottom) y = sectionHead(s, true);
      doc.font("regular").fontSize(9).fillColor("#0f172a");
      const cells = [String(i + 1), name as string, organisation as string, ""];
      let x = MARGIN;
      cells.forEach((c, j) => {
        doc.text(c, x + 4, y + 7, { width: cols[j]! - 8, height: ROW - 8, ellipsis: true, lineBreak: false });
        x += cols[j]!;
      });
      doc
        .moveTo(MARGIN, y + ROW)
        .lineTo(MARGIN + width, y + ROW)
        .lineWidth(0.5)
        .stroke("#94a3b8");
      y += ROW;
    });
  }
  if (sections.length === 0) {
    doc.addPage();
    doc.font("regular").fontSize(11).text(exportT("signInEmpty"), MARGIN, MARGIN, { width });
  }
  return pdfBuffer(doc);
}
