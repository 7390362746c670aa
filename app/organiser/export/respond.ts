import "server-only";
import { TRPCError } from "@trpc/server";
import { exportTable, exportTables, type ExportFile, type ExportFormat, type Table } from "~/server/export/file";
import { apiErrorsT } from "~/server/i18n/server-messages";

export type { ExportFormat };

export const formatOf = (request: Request): ExportFormat =>
  new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";

/** A table as a file download; never cached (organisers' data, often personal). */
export async function download(table: Table, fileName: string, format: ExportFormat): Promise<Response> {
  return fileResponse(await exportTable(table, format), fileName);
}

/** Several tables in one file (XLSX sheets; CSV one after another). */
export async function downloadTables(tables: readonly Table[], fileName: string, format: ExportFormat) {
  return fileResponse(await exportTables(tables, format), fileName);
}

function fileResponse(file: ExportFile, fileName: string): Response {
  return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${fileName}.${file.extension}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Guests are sent to sign in; people without the organiser role get 403 (called in the request's locale). */
export function refused(error: unknown, request: Request): Response {
  if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
    const url = new URL(request.url);
    return Response.redirect(
      new URL(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`, request.url),
      303,
    );
  }
  if (error instanceof TRPCError && error.code === "FORBIDDEN")
    return new Response(apiErrorsT("exportForbidden"), { status: 403 });
  if (error instanceof TRPCError && error.code === "NOT_FOUND")
    return new Response(apiErrorsT("exportNotFound"), { status: 404 });
  throw error;
}
