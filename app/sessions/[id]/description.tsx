import { Fragment, type ReactNode } from "react";
import { parseDescription, type Inline } from "~/server/organiser/description";

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    if (n.type === "text") return <Fragment key={i}>{n.text}</Fragment>;
    if (n.type === "br") return <br key={i} />;
    if (n.type === "strong") return <strong key={i}>{inline(n.children)}</strong>;
    if (n.type === "em") return <em key={i}>{inline(n.children)}</em>;
    return (
      <a key={i} href={n.href} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
        {inline(n.children)}
      </a>
    );
  });
}

/**
 * A session description in the safe Markdown subset, rendered as React elements (text is
 * escaped by React; only http(s) and mailto links survive parsing), never as raw HTML.
 */
export function SessionDescription({ text }: { text: string }) {
  return parseDescription(text).map((block, i) => {
    if (block.type === "p") {
      return (
        <p key={i} className="mt-3 text-slate-800">
          {inline(block.children)}
        </p>
      );
    }
    const items = block.items.map((item, j) => <li key={j}>{inline(item)}</li>);
    return block.type === "ul" ? (
      <ul key={i} className="mt-3 list-disc space-y-1 pl-6 text-slate-800">
        {items}
      </ul>
    ) : (
      <ol key={i} className="mt-3 list-decimal space-y-1 pl-6 text-slate-800">
        {items}
      </ol>
    );
  });
}
