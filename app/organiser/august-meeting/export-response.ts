import { TRPCError } from "@trpc/server";
import { NextResponse } from "next/server";
import { toCsv, toXlsx, type Table } from "~/server/meeting/export";

/**
 * A table as a download: `?format=xlsx` gives a workbook, anything else CSV. Guests get 401 and
 * people without the organiser role 403 (the procedures behind the table check the role).
 */
export async function tableDownload(request: Request, name: string, load: () => Promise<Table>): Promise<Response> {
  let table: Table;
  try {
    table = await load();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: error.message }, { status: error.code === "UNAUTHORIZED" ? 401 : 403 });
    }
    throw error;
  }
  const xlsx = new URL(request.url).searchParams.get("format") === "xlsx";
  const body = xlsx ? new Uint8Array(await toXlsx(table)) : toCsv(table);
  return new NextResponse(body, {
    headers: {
      "Content-Type": xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.${xlsx ? "xlsx" : "csv"}"`,
      "Cache-Control": "no-store",
    },
  });
}
