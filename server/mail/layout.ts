/**
 * The one layout every message uses: plain text and HTML from the same parts, in the current
 * locale (the recipient's: server/i18n/translate.ts), with the forum's name and a link back, and
 * the one greeting every message opens with.
 */
import { currentLocale } from "~/server/i18n/translate";
import { mailLayoutT } from "~/server/i18n/server-messages";

export type MailContent = {
  subject: string;
  /** Greeting line: `greeting(person)`. */
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action (why the person got it, how long a link lives). */
  footnote?: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

/** What a message knows of its recipient to greet them. */
export type MailPerson = { firstName: string | null; patronymic?: string | null };

/**
 * The greeting of every message: the name and patronymic in Russian («Здравствуйте, Анна
 * Игоревна!»), the first name in English ("Dear Anna,"), a plain greeting without a name.
 */
export function greeting(person: MailPerson | null): string {
  const parts = currentLocale() === "ru" ? [person?.firstName, person?.patronymic] : [person?.firstName];
  const name = parts.filter(Boolean).join(" ");
  return name ? mailLayoutT("greeting", { name }) : mailLayoutT("greetingAnon");
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function layoutMail(content: MailContent, appUrl: string): RenderedMail {
  const FORUM_NAME = mailLayoutT("forumName");
  const text = [
    content.greeting,
    ...content.paragraphs,
    content.action ? `${content.action.label}: ${content.action.url}` : undefined,
    content.footnote,
    `—\n${FORUM_NAME}\n${appUrl}`,
  ]
    .filter((p): p is string => Boolean(p))
    .join("\n\n");

  const html = `<!doctype html><html lang="${currentLocale()}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#0f172a;line-height:1.5;max-width:600px;margin:0 auto;padding:16px">
<p style="font-weight:bold;color:#1e40af;margin:0 0 16px">${escapeHtml(FORUM_NAME)}</p>
${content.greeting ? `<p>${escapeHtml(content.greeting)}</p>` : ""}
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1e40af;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#475569">${escapeHtml(mailLayoutT("copyLink", { url: content.action.url }))}</p>`
    : ""
}
${content.footnote ? `<p style="font-size:13px;color:#475569">${escapeHtml(content.footnote)}</p>` : ""}
<p style="font-size:13px;color:#475569;border-top:1px solid #e2e8f0;padding-top:12px">${escapeHtml(FORUM_NAME)} · <a href="${escapeHtml(appUrl)}">${escapeHtml(appUrl)}</a></p>
</body></html>`;

  return { subject: content.subject, text, html };
}
