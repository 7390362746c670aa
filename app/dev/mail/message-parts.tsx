import { getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { extractLinks, htmlForPreview, splitLinks } from "~/server/mail/rules";

type Status = "PENDING" | "SENT" | "FAILED";

const statusTone = { PENDING: "amber", SENT: "slate", FAILED: "red" } as const;

export async function StatusBadge({ status }: { status: Status }) {
  const t = await getTranslations("devMail");
  return <Badge tone={statusTone[status]}>{t(`status.${status}`)}</Badge>;
}

/** The plain-text part with its links clickable (they open in this tab, like a mail client's). */
export function MailText({ text }: { text: string }) {
  return (
    <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">
      {splitLinks(text).map((piece, i) =>
        piece.kind === "link" ? (
          <a key={i} href={piece.value} className="text-brand-700 underline">
            {piece.value}
          </a>
        ) : (
          <span key={i}>{piece.value}</span>
        ),
      )}
    </pre>
  );
}

/** The links of a message as a list, for a quick click (confirmation, password reset). */
export async function MailLinks({ text }: { text: string }) {
  const links = extractLinks(text);
  if (links.length === 0) return null;
  const t = await getTranslations("devMail");
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-700">{t("links")}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {links.map((url) => (
          <li key={url} className="break-all">
            <a href={url} className="text-brand-700 underline">
              {url}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The HTML part in a sandboxed frame: no scripts, no access to this page, links open in a
 * new tab. The content is the message exactly as sent.
 */
export async function MailHtml({ html, subject, tall }: { html: string; subject: string; tall?: boolean }) {
  const t = await getTranslations("devMail");
  return (
    <iframe
      title={t("htmlFrame", { subject })}
      srcDoc={htmlForPreview(html)}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      loading="lazy"
      className={`w-full rounded-md border border-slate-200 bg-white ${tall ? "h-[36rem]" : "h-80"}`}
    />
  );
}
