import { inRequestLocale } from "~/app/_components/request-locale";
import { hasRole } from "~/server/auth/roles";
import { getSessionUser } from "~/server/auth/session";
import { badgeFilter } from "~/server/badges/schema";
import { badgesPdf } from "~/server/badges/service";
import { getDb } from "~/server/db";
import { AppError } from "~/server/errors";
import { apiErrorsT, localisedZodError } from "~/server/i18n/server-messages";
import { serverTranslator } from "~/server/i18n/translate";
import { trackScope } from "~/server/organiser/context";

export const dynamic = "force-dynamic";

const t = serverTranslator("checkin", "badges");
const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Badges as a PDF for the filters in the query (in the requester's language); organisers without a track limit only. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.redirect(new URL("/signin?next=/organiser/checkin", request.url), 303);
  return inRequestLocale(async () => {
    const db = await getDb();
    if (!hasRole(user, "ORGANISER") || (await trackScope(db, user)) !== "all") {
      return text(apiErrorsT("forbidden"), 403);
    }
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const filter = badgeFilter.safeParse(params);
    if (!filter.success) {
      return text(
        localisedZodError(filter.error)
          .issues.map((i) => i.message)
          .join(" "),
        400,
      );
    }
    try {
      const { pdf } = await badgesPdf({ db, actor: user, filter: filter.data });
      return new Response(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${t("fileName")}"`,
          "Cache-Control": "private, no-store",
        },
      });
    } catch (error) {
      if (error instanceof AppError) return text(error.message, error.code === "NOT_FOUND" ? 404 : 400);
      throw error;
    }
  });
}
