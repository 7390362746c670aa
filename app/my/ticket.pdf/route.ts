import { personalPdfRoute } from "~/app/my/pdf-download";
import { serverTranslator } from "~/server/i18n/translate";
import { myTicketPdf } from "~/server/tickets/service";

export const dynamic = "force-dynamic";

const t = serverTranslator("checkin", "ticketPdf");

/** The signed-in person's ticket as a printable A6 PDF in their language; guests are sent to sign in. */
export const GET = personalPdfRoute({ make: myTicketPdf, fileName: () => t("fileName") });
