/**
 * The messages the account flows send. Pure: content only. Each is written in the recipient's
 * language: `locale` is the stored choice of the account it goes to, when there is one;
 * otherwise the language of the request that sends it (the person who just typed the address).
 */
import { accountMailT as t } from "~/server/i18n/server-messages";
import { inLocaleOf } from "~/server/i18n/translate";
import { greeting, layoutMail, type MailPerson, type RenderedMail } from "~/server/mail/layout";

type Link = { appUrl: string; token: string; locale?: string | null };

export function confirmRegistrationMail(p: Link & { person: MailPerson }): RenderedMail {
  return inLocaleOf(p.locale, () =>
    layoutMail(
      {
        subject: t("confirmSubject"),
        greeting: greeting(p.person),
        paragraphs: [t("confirmLead"), t("confirmAfter")],
        action: { label: t("confirmAction"), url: `${p.appUrl}/register/confirm?token=${p.token}` },
        footnote: t("confirmFootnote"),
      },
      p.appUrl,
    ),
  );
}

export function alreadyRegisteredMail(p: Link): RenderedMail {
  return inLocaleOf(p.locale, () =>
    layoutMail(
      {
        subject: t("alreadySubject"),
        greeting: greeting(null),
        paragraphs: [t("alreadyLead"), t("alreadyLink")],
        action: { label: t("alreadyAction"), url: `${p.appUrl}/signin/link?token=${p.token}` },
        footnote: t("alreadyFootnote"),
      },
      p.appUrl,
    ),
  );
}

export function signInLinkMail(p: Link): RenderedMail {
  return inLocaleOf(p.locale, () =>
    layoutMail(
      {
        subject: t("linkSubject"),
        greeting: greeting(null),
        paragraphs: [t("linkLead")],
        action: { label: t("linkAction"), url: `${p.appUrl}/signin/link?token=${p.token}` },
        footnote: t("linkFootnote"),
      },
      p.appUrl,
    ),
  );
}

export function resetPasswordMail(p: Link): RenderedMail {
  return inLocaleOf(p.locale, () =>
    layoutMail(
      {
        subject: t("resetSubject"),
        greeting: greeting(null),
        paragraphs: [t("resetLead")],
        action: { label: t("resetAction"), url: `${p.appUrl}/reset/${p.token}` },
        footnote: t("resetFootnote"),
      },
      p.appUrl,
    ),
  );
}

export function changeEmailMail(p: Link & { newEmail: string }): RenderedMail {
  return inLocaleOf(p.locale, () =>
    layoutMail(
      {
        subject: t("changeEmailSubject"),
        greeting: greeting(null),
        paragraphs: [t("changeEmailLead", { email: p.newEmail })],
        action: { label: t("changeEmailAction"), url: `${p.appUrl}/account/email/confirm?token=${p.token}` },
        footnote: t("changeEmailFootnote"),
      },
      p.appUrl,
    ),
  );
}

export function passwordChangedMail(p: { appUrl: string; locale?: string | null }): RenderedMail {
  return inLocaleOf(p.locale, () =>
    layoutMail(
      {
        subject: t("passwordChangedSubject"),
        greeting: greeting(null),
        paragraphs: [t("passwordChangedLead"), t("passwordChangedHint")],
        action: { label: t("passwordChangedAction"), url: `${p.appUrl}/reset` },
      },
      p.appUrl,
    ),
  );
}
