/**
 * The messages the account flows send. Pure: content only. Each is written in the recipient's
 * language: `locale` is the stored choice of the account it goes to, when there is one;
 * otherwise the language of the request that sends it (the person who just typed the address).
 */
import { maskEmail } from "~/server/account/rules";
import { whenText, type MailSession } from "~/server/booking/mail";
import { accountMailT as t, zoneNameT } from "~/server/i18n/server-messages";
import { dateFormat, inLocaleOf } from "~/server/i18n/translate";
import { greeting, layoutMail, type MailPerson, type RenderedMail } from "~/server/mail/layout";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";

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

/** A session the person held, as the mail names it: title, day and time in the forum's zone, room. */
function placeLine(s: MailSession, timeZone: string): string {
  const where = s.room ? [s.room.name, s.room.floor].filter(Boolean).join(", ") : t("registrationCancelledNoRoom");
  return t("registrationCancelledItem", { title: s.title, when: whenText(s, timeZone), where });
}

/**
 * The registration was cancelled: the seats freed and the waiting-list places given up, each
 * with its time and room, or a line saying there were none.
 */
export function registrationCancelledMail(p: {
  appUrl: string;
  locale: string | null;
  person: MailPerson;
  timeZone: string;
  seats: readonly MailSession[];
  waitlist: readonly MailSession[];
}): RenderedMail {
  return inLocaleOf(p.locale, () => {
    const paragraphs = [t("registrationCancelledLead")];
    if (p.seats.length > 0) {
      paragraphs.push(t("registrationCancelledSeats", { count: p.seats.length }));
      paragraphs.push(...p.seats.map((s) => placeLine(s, p.timeZone)));
    }
    if (p.waitlist.length > 0) {
      paragraphs.push(t("registrationCancelledWaitlist", { count: p.waitlist.length }));
      paragraphs.push(...p.waitlist.map((s) => placeLine(s, p.timeZone)));
    }
    if (p.seats.length === 0 && p.waitlist.length === 0) paragraphs.push(t("registrationCancelledNothing"));
    return layoutMail(
      {
        subject: t("registrationCancelledSubject"),
        greeting: greeting(p.person),
        paragraphs,
        action: { label: t("registrationCancelledAction"), url: `${p.appUrl}/programme` },
        footnote: t("registrationCancelledFootnote"),
      },
      p.appUrl,
    );
  });
}

/**
 * To the old address once a new one is confirmed: which address it is now (masked), when, and
 * what to do if it was not them.
 */
export function emailChangedMail(p: {
  appUrl: string;
  locale: string | null;
  person: MailPerson;
  newEmail: string;
  at: Date;
  timeZone: string;
}): RenderedMail {
  return inLocaleOf(p.locale, () => {
    const day = dateFormat({
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: p.timeZone,
    }).format(p.at);
    const when = `${day}, ${formatZonedTime(p.at, p.timeZone)} ${zoneLabel(p.timeZone, p.at, zoneNameT("zoneMoscow"))}`;
    return layoutMail(
      {
        subject: t("emailChangedSubject"),
        greeting: greeting(p.person),
        paragraphs: [t("emailChangedLead", { email: maskEmail(p.newEmail), when }), t("emailChangedNotYou")],
        action: { label: t("emailChangedAction"), url: `${p.appUrl}/reset` },
        footnote: t("emailChangedFootnote"),
      },
      p.appUrl,
    );
  });
}
