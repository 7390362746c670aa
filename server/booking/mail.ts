/**
 * The messages booking sends (confirmation, cancellation, promotion from a waitlist), in
 * Russian from the "bookingMail" messages. Pure: content only; the service enqueues them.
 */
import { dateFormat, serverTranslator } from "~/server/i18n/translate";
import { greeting, layoutMail, type MailPerson, type RenderedMail } from "~/server/mail/layout";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";
import { zoneNameT } from "~/server/i18n/server-messages";

const moscowName = () => zoneNameT("zoneMoscow");

const t = serverTranslator("booking", "bookingMail");

export type MailSession = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: { name: string; floor: string } | null;
  /** Minutes after the start when unscanned seats are released (null: never). */
  noShowReleaseMinutes?: number | null;
};

export type { MailPerson };

/** «понедельник, 25 августа, 12:30–14:00 МСК» */
export function whenText(s: { startsAt: Date; endsAt: Date }, timeZone: string): string {
  const day = dateFormat({
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone,
  }).format(s.startsAt);
  return `${day}, ${formatZonedTime(s.startsAt, timeZone)}–${formatZonedTime(s.endsAt, timeZone)} ${zoneLabel(timeZone, s.startsAt, moscowName())}`;
}

function details(s: MailSession, timeZone: string): string[] {
  const lines = [t("when", { when: whenText(s, timeZone) })];
  if (s.room) lines.push(t("where", { where: [s.room.name, s.room.floor].filter(Boolean).join(", ") }));
  return lines;
}

type Common = { session: MailSession; person: MailPerson; timeZone: string; appUrl: string };

export function bookingConfirmedMail(p: Common & { replaced: { title: string }[] }): RenderedMail {
  const paragraphs = [t("confirmedLead", { title: p.session.title }), ...details(p.session, p.timeZone)];
  if (p.replaced.length > 0) {
    paragraphs.push(t("swappedNote", { titles: p.replaced.map((r) => r.title).join("», «") }));
  }
  paragraphs.push(...noShowNote(p.session));
  return layoutMail(
    {
      subject: t("confirmedSubject", { title: p.session.title }),
      greeting: greeting(p.person),
      paragraphs,
      action: { label: t("toSession"), url: `${p.appUrl}/sessions/${p.session.id}` },
      footnote: t("confirmedFootnote"),
    },
    p.appUrl,
  );
}

export function bookingCancelledMail(p: Common): RenderedMail {
  return layoutMail(
    {
      subject: t("cancelledSubject", { title: p.session.title }),
      greeting: greeting(p.person),
      paragraphs: [t("cancelledLead", { title: p.session.title }), ...details(p.session, p.timeZone)],
      action: { label: t("toMy"), url: `${p.appUrl}/my` },
      footnote: t("cancelledFootnote"),
    },
    p.appUrl,
  );
}

export function promotedMail(p: Common): RenderedMail {
  return layoutMail(
    {
      subject: t("promotedSubject", { title: p.session.title }),
      greeting: greeting(p.person),
      paragraphs: [
        t("promotedLead", { title: p.session.title }),
        ...details(p.session, p.timeZone),
        ...noShowNote(p.session),
      ],
      action: { label: t("toSession"), url: `${p.appUrl}/sessions/${p.session.id}` },
      footnote: t("promotedFootnote"),
    },
    p.appUrl,
  );
}

/** The no-show rule, said in every mail that gives a seat, when the session has it on. */
function noShowNote(s: MailSession): string[] {
  return s.noShowReleaseMinutes ? [t("noShowNote", { minutes: s.noShowReleaseMinutes })] : [];
}

export function noShowReleasedMail(p: Common): RenderedMail {
  return layoutMail(
    {
      subject: t("noShowSubject", { title: p.session.title }),
      greeting: greeting(p.person),
      paragraphs: [
        t("noShowLead", { title: p.session.title, minutes: p.session.noShowReleaseMinutes ?? 0 }),
        ...details(p.session, p.timeZone),
      ],
      action: { label: t("toMy"), url: `${p.appUrl}/my` },
      footnote: t("noShowFootnote"),
    },
    p.appUrl,
  );
}
