/**
 * Session descriptions are Markdown (paragraphs, line breaks, lists, **bold**, *italic*, links).
 * What organisers type or paste from Word as HTML is cleaned on save with sanitize-html (scripts,
 * styles, event handlers and every tag outside the formatting subset go; that subset becomes
 * Markdown). The page renders with marked, then sanitize-html again with a strict allowlist: raw
 * HTML in the text is shown as text, and only http(s) and mailto links survive. Pure.
 *
 * sanitize-html is pinned at 2.17.5, the last release for Node 20; 2.17.6 and 2.17.7 fix XSS that
 * needs textarea, xmp or SVG to be allowed, which neither allowlist here does.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

export const DESCRIPTION_MAX = 10_000;
/** Tags whose formatting survives a paste; sanitize-html drops every other tag and every attribute. */
const PASTED_FORMATTING = [
  "p",
  "div",
  "br",
  "b",
  "strong",
  "i",
  "em",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "table",
  "tr",
];

/** sanitize-html escapes the text it returns as HTML; storage keeps plain characters. */
const unescapeHtml = (html: string): string =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * Cleans typed or pasted text for storage: HTML goes through sanitize-html (script, style, iframe,
 * object and template lose their content too; entities are decoded), the formatting tags left become
 * Markdown, control characters are removed, line endings unified, runs of blank lines collapsed.
 */
export function sanitiseDescription(raw: string): string {
  let text = sanitizeHtml(raw.replace(/\r\n?/g, "\n"), {
    allowedTags: PASTED_FORMATTING,
    allowedAttributes: {},
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "template", "title"],
  });
  // Only attribute-less tags of the list above are left: plain patterns are exact here.
  text = text.replace(/<br ?\/?>/g, "\n");
  text = text.replace(/<li>/g, "\n- ");
  text = text.replace(/<\/(p|div|h[1-6]|ul|ol|table|tr|blockquote)>/g, "\n\n");
  text = text.replace(/<(strong|b)>([\s\S]*?)<\/\1>/g, "**$2**");
  text = text.replace(/<(em|i)>([\s\S]*?)<\/\1>/g, "*$2*");
  text = unescapeHtml(text.replace(/<\/?[a-z0-9]+>/g, ""));
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, "").replace(/\t/g, " ");
  text = text.replace(/\u00a0/g, " ");
  text = text
    .split("\n")
    .map((line) => line.replace(/[ \u00a0]+$/g, ""))
    .join("\n");
  return text
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, DESCRIPTION_MAX);
}

/** Only these link targets survive; anything else (javascript:, data:, relative) loses its link. */
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

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** GitHub-flavoured Markdown with single line breaks kept; raw HTML in the text is shown as text. */
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // Pictures from elsewhere are not part of a session's description: their text stays.
    image: ({ text }) => escapeHtml(text),
  },
  // Tables are not part of the subset: their lines stay text, as typed.
  tokenizer: { table: () => undefined },
});

const RENDERED: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "a"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Headings, quotes and code keep their text as paragraphs or inline text.
  transformTags: {
    // A link whose address is refused keeps its text and loses its href.
    a: (tagName, attribs) => {
      const href = safeHref(attribs.href ?? "");
      const safe: sanitizeHtml.Attributes = href ? { href, rel: "noopener noreferrer nofollow" } : {};
      return { tagName, attribs: safe };
    },
    h1: "p",
    h2: "p",
    h3: "p",
    h4: "p",
    h5: "p",
    h6: "p",
    blockquote: "p",
    pre: "p",
  },
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "template", "title"],
};

/**
 * The description as HTML that is safe to put in the page: Markdown through marked, then
 * sanitize-html with the allowlist above. A bullet typed as "•" counts as a list item.
 */
export function renderDescription(text: string): string {
  const source = text.replace(/\r\n?/g, "\n").replace(/^(\s*)•\s+/gm, "$1- ");
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, RENDERED).trim();
}

/** The description without formatting marks (mail, calendar, exports). */
export function descriptionPlainText(text: string): string {
  return text
    .replace(/\*\*([^*]+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 ($2)")
    .replace(/(^|\s)\*([^*\s][^*]*?)\*/g, "$1$2");
}
