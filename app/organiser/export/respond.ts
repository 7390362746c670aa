import "server-only";
import { TRPCError } from "@trpc/server";
import { exportReport, exportTables, type ExportFile, type ExportFormat, type Table } from "~/server/export/file";
import { apiErrorsT } from "~/server/i18n/server-messages";

export type { ExportFormat };

export const formatOf = (request: Request): ExportFormat =>
  new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";

/** A table (or several: sheets of one workbook) as a file download; never cached (organisers' data, often personal). */
export async function download(
  table: Table | readonly Table[],
  fileName: string,
  format: ExportFormat,
): Promise<Response> {
  return fileResponse(await exportTables(Array.isArray(table) ? table : [table as Table], format), fileName);
}

/** A report of several tables (XLSX sheets; in CSV one after another under their titles). */
export async function downloadReport(tables: readonly Table[], fileName: string, format: ExportFormat) {
  return fileResponse(await exportReport(tables, format), fileName);
}

function fileResponse(file: ExportFile, fileName: string): Response {
  return attachment(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
    contentType: file.contentType,
    fileName: `${fileName}.${file.extension}`,
  });
}

export function attachment(body: string | Buffer, p: { contentType: string; fileName: string }): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": p.contentType,
      "Content-Disposition": `attachment; filename="${p.fileName}"`,
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
  // A malformed id names nothing that exists.
  if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
    return new Response(apiErrorsT("exportNotFound"), { status: 404 });
  throw error;
}
