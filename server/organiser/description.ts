/**
 * Session descriptions are formatted text in a small, safe subset of Markdown: paragraphs
 * (blank line), line breaks, bulleted and numbered lists, **bold**, *italic* and links to
 * http(s) or mailto addresses. What organisers type (or paste from Word as HTML) is cleaned on
 * save; the page renders the parsed structure as React elements, never as raw HTML, so no
 * markup from the text can reach the browser. Pure.
 */

export const DESCRIPTION_MAX = 10_000;

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  laquo: "«",
  raquo: "»",
  mdash: "—",
  ndash: "–",
  hellip: "…",
};

/**
 * Cleans typed or pasted text for storage: HTML tags are dropped (block tags become line
 * breaks; script and style lose their content too), common entities are decoded, control
 * characters removed, line endings unified, runs of blank lines collapsed.
 */
export function sanitiseDescription(raw: string): string {
  let text = raw.replace(/\r\n?/g, "\n");
  text = text.replace(/<(script|style|iframe|object|template)\b[\s\S]*?<\/\1\s*>/gi, "");
  text = text.replace(/<!--[\s\S]*?-->/g, "");
  text = text.replace(/<br\s*\/?>/gi, "\n");
  text = text.replace(/<li\b[^>]*>/gi, "\n- ");
  text = text.replace(/<\/(p|div|h[1-6]|ul|ol|table|tr|blockquote)\s*>/gi, "\n\n");
  text = text.replace(/<(strong|b)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, "**$2**");
  text = text.replace(/<(em|i)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi, "*$2*");
  text = text.replace(/<\/?[a-z!/][^>]*>/gi, "");
  text = text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 31 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, "").replace(/\t/g, " ");
  text = text
    .split("\n")
    .map((line) => line.replace(/[ \u00a0]+$/g, ""))
    .join("\n");
  return text
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, DESCRIPTION_MAX);
}

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "br" };

export type Block = { type: "p"; children: Inline[] } | { type: "ul" | "ol"; items: Inline[][] };

/** Only these link targets survive; anything else (javascript:, data:, relative) stays plain text. */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    if (!["http:", "https:", "mailto:"].includes(parsed.protocol)) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

const INLINE = /\*\*([^*]+?)\*\*|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_|\[([^\]]+)\]\(([^)\s]+)\)/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ type: "text", text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: "text", text: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ type: "strong", children: parseInline(m[1]) });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ type: "em", children: parseInline(m[2] ?? m[3]!) });
    else {
      const href = safeHref(m[5]!);
      if (href) out.push({ type: "link", href, children: parseInline(m[4]!) });
      else out.push({ type: "text", text: m[4]! });
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** The description as blocks: paragraphs (lines joined with breaks) and lists. */
export function parseDescription(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
    const lines = chunk.split("\n").filter((l) => l.trim().length > 0);
    let para: string[] = [];
    let list: { type: "ul" | "ol"; items: Inline[][] } | null = null;
    const flushPara = () => {
      if (para.length === 0) return;
      const children: Inline[] = [];
      para.forEach((l, i) => {
        if (i > 0) children.push({ type: "br" });
        children.push(...parseInline(l));
      });
      blocks.push({ type: "p", children });
      para = [];
    };
    const flushList = () => {
      if (list) blocks.push(list);
      list = null;
    };
    for (const line of lines) {
      const bullet = BULLET.exec(line);
      const numbered = bullet ? null : NUMBERED.exec(line);
      const kind = bullet ? "ul" : numbered ? "ol" : null;
      if (kind) {
        flushPara();
        if (!list || list.type !== kind) {
          flushList();
          list = { type: kind, items: [] };
        }
        list.items.push(parseInline((bullet ?? numbered)![1]!));
      } else {
        flushList();
        para.push(line.trim());
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/** The description without formatting marks (mail, calendar, exports). */
export function descriptionPlainText(text: string): string {
  return text
    .replace(/\*\*([^*]+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/(^|\s)\*([^*\s][^*]*?)\*/g, "$1$2");
}
