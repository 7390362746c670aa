/**
 * CSV as Excel in Russian locales reads and writes it: UTF-8 with a byte-order mark (so Cyrillic
 * shows), ";" between cells, CRLF line ends, RFC 4180 quoting. Reading also accepts "," and tab
 * separators and files Excel saved in Windows-1251. Pure.
 */

const BOM = "\uFEFF";

/** Cells that spreadsheet programs would run as formulas get a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(value: string, separator = ";"): string {
  let v = value;
  if (FORMULA_START.test(v) && !/^-?\d+([.,]\d+)?$/.test(v)) v = `'${v}`;
  return /["\r\n]/.test(v) || v.includes(separator) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], separator = ";"): string {
  return (
    BOM +
    rows
      .map((row) =>
        row.map((c) => escapeCell(c === null || c === undefined ? "" : String(c), separator)).join(separator),
      )
      .join("\r\n") +
    "\r\n"
  );
}

/** UTF-8 (with or without BOM), or Windows-1251 when the bytes are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const outside = firstLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((s) => [s, outside.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ";";
}

/** Rows of cells; quoted cells may hold separators, quotes ("") and line breaks. */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.length === 0) quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else cell += ch;
    i++;
  }
  if (cell.length > 0 || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map(unescapeCell));
}

/** Undoes the apostrophe written before formula-like cells. */
function unescapeCell(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
