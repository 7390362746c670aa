import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import {
  assertTableWithinLimits,
  assertZipWithinLimits,
  MAX_CELL_CHARS,
  MAX_TABLE_ROWS,
  MAX_UNZIPPED_BYTES,
} from "~/server/organiser/io/limits";
import { readTable } from "~/server/organiser/io/service";
import { writeXlsx } from "~/server/export/xlsx";
import { refusal } from "~/server/test/refusal";

/** A zip of one entry of `size` zero bytes: about a thousandth of that on disk. */
async function zipBomb(size: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("xl/worksheets/sheet1.xml", new Uint8Array(size));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Rewrites every size the zip declares (local headers and central directory) to `declared`. */
function lieAboutSizes(bytes: Uint8Array, declared: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return out;
}

describe("assertZipWithinLimits", () => {
  it("refuses a small zip that unzips past the limit, with a clear message", async () => {
    const bomb = await zipBomb(MAX_UNZIPPED_BYTES + 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const error = await refusal(assertZipWithinLimits(bomb), AppError);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/слишком большой в распакованном виде/);
  });

  it("refuses a zip bomb whose directory declares tiny sizes: the real output is counted", async () => {
    const bomb = lieAboutSizes(await zipBomb(4 * 1024 * 1024), 100);
    const error = await refusal(assertZipWithinLimits(bomb, 1024 * 1024), AppError);
    expect(error.message).toMatch(/слишком большой в распакованном виде/);
  });

  it("accepts an ordinary workbook", async () => {
    const xlsx = await writeXlsx([{ name: "Программа", header: ["Название"], rows: [["Секция"]] }]);
    await expect(assertZipWithinLimits(xlsx)).resolves.toBeUndefined();
  });

  it("readTable refuses the bomb before exceljs loads it", async () => {
    const bomb = await zipBomb(MAX_UNZIPPED_BYTES + 1024 * 1024);
    const error = await refusal(
      readTable({ fileName: "programme.xlsx", data: Buffer.from(bomb).toString("base64") } as never),
      AppError,
    );
    expect(error.message).toMatch(/распакованном виде/);
  });
});

describe("assertTableWithinLimits", () => {
  it("refuses too many rows and names the limit", () => {
    const table = Array.from({ length: MAX_TABLE_ROWS + 1 }, (_, i) => [`строка ${i}`]);
    expect(() => assertTableWithinLimits(table)).toThrow(/слишком много строк: не больше 1999/);
    expect(() => assertTableWithinLimits(table.slice(0, MAX_TABLE_ROWS))).not.toThrow();
  });

  it("ignores empty trailing rows", () => {
    const table = [["Название"], ["Секция"], ...Array.from({ length: MAX_TABLE_ROWS * 2 }, () => ["", " "])];
    expect(() => assertTableWithinLimits(table)).not.toThrow();
  });

  it("refuses an over-long cell and says on which line", () => {
    const table = [["Название"], ["Секция"], ["x".repeat(MAX_CELL_CHARS + 1)]];
    expect(() => assertTableWithinLimits(table)).toThrow(/В строке 3 есть слишком длинная ячейка/);
  });

  it("readTable refuses an over-long CSV cell and too many CSV rows", async () => {
    const csv = (text: string) => ({ fileName: "p.csv", data: Buffer.from(text, "utf8").toString("base64") }) as never;
    await refusal(readTable(csv(`Название;Описание\r\nА;${"б".repeat(MAX_CELL_CHARS + 1)}\r\n`)), AppError);
    const many = ["Название", ...Array.from({ length: MAX_TABLE_ROWS }, (_, i) => `С${i}`)].join("\r\n");
    const error = await refusal(readTable(csv(many)), AppError);
    expect(error.message).toMatch(/слишком много строк/);
  });
});
