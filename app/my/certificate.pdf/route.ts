import { personalPdfRoute } from "~/app/my/pdf-download";
import { serverTranslator } from "~/server/i18n/translate";
import { myCertificatePdf } from "~/server/certificates/service";

export const dynamic = "force-dynamic";

const t = serverTranslator("checkin", "certificatePdf");

/** The signed-in person's certificate of participation as a PDF in their language; guests are sent to sign in. */
export const GET = personalPdfRoute({ make: myCertificatePdf, fileName: () => t("fileName") });
