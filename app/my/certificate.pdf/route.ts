import { createTranslator } from "use-intl/core";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { AppError } from "~/server/errors";
import checkin from "~/server/i18n/messages/ru/checkin.json";
import { myCertificatePdf } from "~/server/certificates/service";

export const dynamic = "force-dynamic";

const t = createTranslator({ locale: "ru", messages: checkin });

/** The signed-in person's certificate of participation as a PDF; guests are sent to sign in. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.redirect(new URL("/signin?next=/my", request.url), 303);
  try {
    const pdf = await myCertificatePdf({ db: await getDb(), user });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${t("certificatePdf.fileName")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
