import { inRequestLocale } from "~/app/_components/request-locale";
import type { SessionUser } from "~/server/auth/roles";
import { getSessionUser } from "~/server/auth/session";
import type { Db } from "~/server/db/client";
import { getDb } from "~/server/db";
import { AppError } from "~/server/errors";

/**
 * A signed-in person's own PDF (ticket, certificate) as a download in their language: guests are
 * sent to sign in; a refusal of the service (no ticket, no attendance) is a plain-text 404.
 */
export function personalPdfRoute(opts: {
  make: (args: { db: Db; user: SessionUser }) => Promise<Uint8Array | Buffer>;
  fileName: () => string;
}) {
  return async function GET(request: Request): Promise<Response> {
    const user = await getSessionUser();
    if (!user) return Response.redirect(new URL("/signin?next=/my", request.url), 303);
    return inRequestLocale(async () => {
      try {
        const pdf = await opts.make({ db: await getDb(), user });
        return new Response(new Uint8Array(pdf), {
          headers: {
            "Content-Type": "application/pdf",
            "Content-Disposition": `attachment; filename="${opts.fileName()}"`,
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
  };
}
