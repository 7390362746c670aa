import { TRPCError } from "@trpc/server";
import { NextResponse } from "next/server";
import { inRequestLocale } from "~/app/_components/request-locale";
import { exportTable, type Table } from "~/server/export/file";

/**
 * A table as a download: `?format=xlsx` gives a workbook, anything else CSV. Guests get 401 and
 * people without the organiser role 403 (the procedures behind the table check the role).
 */
export async function tableDownload(request: Request, name: string, load: () => Promise<Table>): Promise<Response> {
  return inRequestLocale(() => respond(request, name, load));
}

async function respond(request: Request, name: string, load: () => Promise<Table>): Promise<Response> {
  let table: Table;
  try {
    table = await load();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: error.message }, { status: error.code === "UNAUTHORIZED" ? 401 : 403 });
    }
    throw error;
  }
  const file = await exportTable(table, new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv");
  return new NextResponse(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${name}.${file.extension}"`,
      "Cache-Control": "no-store",
    },
  });
}
