/**
 * The messages of the August meeting (application received, in reserve, accredited, declined,
 * moved up from the reserve, substitution), in Russian from the "meetingMail" messages.
 * Pure: content only; server/meeting/notify.ts puts them into the outbox.
 */
import { dateFormat, serverTranslator } from "~/server/i18n/translate";
import type { DelegateRole } from "~/server/generated/prisma/enums";
import { greeting, layoutMail, type MailPerson, type RenderedMail } from "~/server/mail/layout";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";
import { zoneNameT } from "~/server/i18n/server-messages";

const moscowName = () => zoneNameT("zoneMoscow");

const t = serverTranslator("meeting", "meetingMail");
const roles = serverTranslator("meeting", "meetingRoles");

export type { MailPerson };

/** Time and room: only in messages to accredited delegates. */
export type MailDetails = {
  startsAt: Date;
  endsAt: Date;
  room: { name: string; floor: string } | null;
  timeZone: string;
};

export type MeetingMailEvent =
  | { kind: "meeting.submitted"; role: DelegateRole }
  | { kind: "meeting.reserve"; position: number }
  | { kind: "meeting.accredited"; role: DelegateRole; details: MailDetails | null }
  | { kind: "meeting.declined"; reason: string }
  | { kind: "meeting.promoted" }
  | { kind: "meeting.substitute"; details: MailDetails | null }
  | { kind: "meeting.replaced" }
  | { kind: "meeting.substitution-approved" }
  | { kind: "meeting.substitution-rejected"; reason: string | null };

/** «вторник, 26 августа, 10:00–14:00 МСК» */
export function meetingWhen(d: { startsAt: Date; endsAt: Date; timeZone: string }): string {
  const day = dateFormat({
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: d.timeZone,
  }).format(d.startsAt);
  return `${day}, ${formatZonedTime(d.startsAt, d.timeZone)}–${formatZonedTime(d.endsAt, d.timeZone)} ${zoneLabel(d.timeZone, d.startsAt, moscowName())}`;
}

function detailLines(d: MailDetails | null): string[] {
  if (!d) return [];
  const lines = [t("when", { when: meetingWhen(d) })];
  if (d.room) lines.push(t("where", { where: [d.room.name, d.room.floor].filter(Boolean).join(", ") }));
  return lines;
}

function content(e: MeetingMailEvent, region: string): { subject: string; paragraphs: string[]; toMy: boolean } {
  switch (e.kind) {
    case "meeting.submitted":
      return {
        subject: t("submittedSubject"),
        paragraphs: [t("submittedLead", { region, role: roles(e.role).toLowerCase() })],
        toMy: true,
      };
    case "meeting.reserve":
      return {
        subject: t("reserveSubject"),
        paragraphs: [t("reserveLead", { region, position: e.position })],
        toMy: true,
      };
    case "meeting.accredited":
      return {
        subject: t("accreditedSubject"),
        paragraphs: [
          t("accreditedLead", { region, role: roles(e.role).toLowerCase() }),
          ...detailLines(e.details),
          t("accreditedMaterials"),
        ],
        toMy: false,
      };
    case "meeting.declined":
      return {
        subject: t("declinedSubject"),
        paragraphs: [t("declinedLead", { region }), t("declinedReason", { reason: e.reason })],
        toMy: true,
      };
    case "meeting.promoted":
      return { subject: t("promotedSubject"), paragraphs: [t("promotedLead", { region })], toMy: true };
    case "meeting.substitute":
      return {
        subject: t("substituteSubject"),
        paragraphs: [t("substituteLead", { region }), ...detailLines(e.details), t("accreditedMaterials")],
        toMy: false,
      };
    case "meeting.replaced":
      return { subject: t("replacedSubject"), paragraphs: [t("replacedLead", { region })], toMy: true };
    case "meeting.substitution-approved":
      return {
        subject: t("substitutionApprovedSubject"),
        paragraphs: [t("substitutionApprovedLead", { region })],
        toMy: true,
      };
    case "meeting.substitution-rejected":
      return {
        subject: t("substitutionRejectedSubject"),
        paragraphs: [
          t("substitutionRejectedLead", { region }),
          ...(e.reason ? [t("substitutionRejectedReason", { reason: e.reason })] : []),
        ],
        toMy: true,
      };
  }
}

export function renderMeetingMail(p: {
  event: MeetingMailEvent;
  person: MailPerson;
  region: string;
  appUrl: string;
}): RenderedMail {
  const c = content(p.event, p.region);
  return layoutMail(
    {
      subject: c.subject,
      greeting: greeting(p.person),
      paragraphs: [t("meetingName") + ".", ...c.paragraphs],
      action: c.toMy
        ? { label: t("toMy"), url: `${p.appUrl}/my` }
        : { label: t("toMeeting"), url: `${p.appUrl}/august-meeting` },
      footnote: t("footnote"),
    },
    p.appUrl,
  );
}
