import { inRequestLocale } from "~/app/_components/request-locale";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { AppError } from "~/server/errors";
import { serverTranslator } from "~/server/i18n/translate";
import { myCertificatePdf } from "~/server/certificates/service";

export const dynamic = "force-dynamic";

const t = serverTranslator("checkin", "certificatePdf");

/** The signed-in person's certificate of participation as a PDF in their language; guests are sent to sign in. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.redirect(new URL("/signin?next=/my", request.url), 303);
  return inRequestLocale(async () => {
    try {
      const pdf = await myCertificatePdf({ db: await getDb(), user });
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${t("fileName")}"`,
          "Cache-Control": "private, no-store",
        },
      });
    } catch (error) {
      if (error instanceof AppError) {
        return new Response(error.message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      }
      throw error;
    }
  });
}
