/**
 * Test helpers that read what the app wrote with real readers: pdftotext for a PDF's text,
 * pdftoppm to rasterise a page, zbarimg to decode QR codes (poppler-utils and zbar-tools;
 * scripts/test.mjs installs them).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function inTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "spo-read-"));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text pdftotext reads from the PDF (layout order). */
export function pdfText(pdf: Buffer): string {
  return inTempDir((dir) => {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  });
}

/** How many pages pdfinfo-free: pdftoppm writes one PNG per page. */
function rasterise(pdf: Buffer, dir: string): string[] {
  const file = path.join(dir, "doc.pdf");
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "150", "-png", file, path.join(dir, "page")]);
  return readdirSync(dir)
    .filter((f) => f.startsWith("page") && f.endsWith(".png"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every QR code zbarimg finds in an image file, in reading order. */
function decodeFile(file: string): string[] {
  try {
    const out = execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out.split("\n").filter(Boolean);
  } catch (error) {
    // zbarimg exits 4 when it finds no code.
    if ((error as { status?: number }).status === 4) return [];
    throw error;
  }
}

/** The QR codes on every page of a PDF, page by page. */
export function pdfQrCodes(pdf: Buffer): string[][] {
  return inTempDir((dir) => rasterise(pdf, dir).map(decodeFile));
}

/** The QR codes in a PNG image. */
export function pngQrCodes(png: Buffer): string[] {
  return inTempDir((dir) => {
    const file = path.join(dir, "code.png");
    writeFileSync(file, png);
    return decodeFile(file);
  });
}
