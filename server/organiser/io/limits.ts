/**
 * Limits on an uploaded programme table, checked before the workbook is handed to exceljs (which
 * holds the whole unzipped workbook in memory): a small .xlsx can unzip to hundreds of megabytes.
 * The zip is inflated as a stream through jszip with a byte counter, so a file whose central
 * directory lies about its sizes is stopped as soon as the real output passes the limit.
 */
import JSZip from "jszip";
import { AppError } from "~/server/errors";
import { errorsT } from "~/server/organiser/messages";

/** Everything inside the workbook, unzipped. A programme of 2,000 sessions is about 3 MB. */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 500;
/** Rows of the table, the header included. */
export const MAX_TABLE_ROWS = 2000;
/** Characters in one cell; the longest column (description) allows 10,000. */
export const MAX_CELL_CHARS = 20_000;
/** Columns in one row. */
export const MAX_TABLE_COLUMNS = 100;

const refuse = (key: "importUnzippedTooLarge" | "importUnreadable") => new AppError("BAD_REQUEST", errorsT(key));

/** Refuses a zip that unzips to more than MAX_UNZIPPED_BYTES (or has too many entries). */
export async function assertZipWithinLimits(bytes: Uint8Array, maxBytes = MAX_UNZIPPED_BYTES): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw refuse("importUnreadable");
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > MAX_ZIP_ENTRIES) throw refuse("importUnzippedTooLarge");
  // The sizes the central directory declares: a cheap first refusal.
  let declared = 0;
  for (const entry of entries) {
    const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    if (typeof size === "number") declared += size;
  }
  if (declared > maxBytes) throw refuse("importUnzippedTooLarge");
  // The real sizes: inflate each entry and count, stopping at the limit.
  let total = 0;
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream("nodebuffer") as NodeJS.ReadableStream & { destroy?: () => void };
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          stream.pause();
          stream.removeAllListeners("data");
          reject(refuse("importUnzippedTooLarge"));
        }
      });
      stream.on("end", () => resolve());
      stream.on("error", () => reject(refuse("importUnreadable")));
    });
  }
}

/** Refuses a table with too many rows, columns or an over-long cell, saying which. */
export function assertTableWithinLimits(table: readonly (readonly string[])[]): void {
  const last = lastFilledRow(table);
  if (last > MAX_TABLE_ROWS)
    throw new AppError("BAD_REQUEST", errorsT("importTooManyRows", { max: MAX_TABLE_ROWS - 1 }));
  for (let r = 0; r < last; r++) {
    const row = table[r]!;
    if (row.length > MAX_TABLE_COLUMNS && row.slice(MAX_TABLE_COLUMNS).some((c) => c.trim() !== ""))
      throw new AppError("BAD_REQUEST", errorsT("importTooManyColumns", { max: MAX_TABLE_COLUMNS }));
    for (const cell of row) {
      if (cell.length > MAX_CELL_CHARS)
        throw new AppError("BAD_REQUEST", errorsT("importCellTooLong", { line: r + 1, max: MAX_CELL_CHARS }));
    }
  }
}

/** Rows up to the last one with any text (Excel often reports formatted empty rows). */
function lastFilledRow(table: readonly (readonly string[])[]): number {
  for (let r = table.length - 1; r >= 0; r--) if (table[r]!.some((c) => c.trim() !== "")) return r + 1;
  return 0;
}
