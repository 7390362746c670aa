import "server-only";
import { TRPCError } from "@trpc/server";

export type ExportFormat = "csv" | "xlsx";

export const formatOf = (request: Request): ExportFormat =>
  new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";

/** A file download; never cached (organisers' data, often personal). */
export function download(body: string | Uint8Array, fileName: string, format: ExportFormat): Response {
  const type =
    format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  return new Response(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fileName}.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Guests are sent to sign in; people without the organiser role get 403. */
export function refused(error: unknown, request: Request): Response {
  if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
    const url = new URL(request.url);
    return Response.redirect(
      new URL(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`, request.url),
      303,
    );
  }
  if (error instanceof TRPCError && error.code === "FORBIDDEN") return new Response("Доступ запрещён", { status: 403 });
  if (error instanceof TRPCError && error.code === "NOT_FOUND") return new Response("Не найдено", { status: 404 });
  throw error;
}
