import { renderDescription } from "~/server/organiser/description";

/**
 * A session description: Markdown rendered by marked and cleaned by sanitize-html with a strict
 * allowlist (server/organiser/description.ts) on the server, so only paragraphs, line breaks,
 * lists, bold, italic and http(s)/mailto links reach the browser.
 */
export function SessionDescription({ text }: { text: string }) {
  const html = renderDescription(text);
  if (!html) return null;
  return (
    <div
      className="text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_li]:mt-1 [&_ol]:mt-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mt-3 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6"
      // Safe: renderDescription's output passed sanitize-html's allowlist.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
