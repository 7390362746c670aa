/**
 * Texts the programme editor produces on the server: conflict messages, error messages, the
 * public change-log sentences and the mail to participants. Pure: content only, in Russian from
 * server/i18n/messages/ru/organiser.json.
 */
import { dateFormat, serverTranslator } from "~/server/i18n/translate";
import { greeting, layoutMail, type MailPerson, type RenderedMail } from "~/server/mail/layout";
import type { Issue, LoggedField } from "~/server/organiser/rules";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";
import { zoneNameT } from "~/server/i18n/server-messages";
import { clashPath } from "~/server/booking/rules";

const moscowName = () => zoneNameT("zoneMoscow");

const issuesT = serverTranslator("organiser", "organiserIssues");
export const errorsT = serverTranslator("organiser", "organiserErrors");
export const importT = serverTranslator("organiser", "organiserImport");
const logT = serverTranslator("organiser", "programmeChangeLog");
const mailT = serverTranslator("organiser", "programmeMail");

export type IssueView = Issue & { message: string };

export function describeIssue(issue: Issue): IssueView {
  return { ...issue, message: issuesT(issue.code, issue.params as never) };
}

/** One message for a refused save: every error, or every unacknowledged warning. */
export function refusalMessage(issues: readonly IssueView[], kind: "errors" | "warnings"): string {
  const listed = issues.filter((i) => i.severity === (kind === "errors" ? "error" : "warning"));
  const text = listed.map((i) => i.message).join(" ");
  return kind === "errors" ? issuesT("blocked", { issues: text }) : issuesT("needsAck", { issues: text });
}

/** Where and when a session is, in one phrase: «25 августа, 12:30–14:00, Зал «Ока»». */
export type Placed = { startsAt: Date; endsAt: Date; roomName: string | null };

export function placeText(p: Placed, timeZone: string): string {
  const day = dateFormat({ day: "numeric", month: "long", timeZone }).format(p.startsAt);
  const time = `${formatZonedTime(p.startsAt, timeZone)}–${formatZonedTime(p.endsAt, timeZone)} ${zoneLabel(timeZone, p.startsAt, moscowName())}`;
  return `${day}, ${time}, ${p.roomName ?? logT("noRoom")}`;
}

export type ChangeKindValue = "PUBLISHED" | "RESCHEDULED" | "MOVED" | "UPDATED" | "CANCELLED";

/** The public change log's sentence for the closed meeting: what happened, never when or where. */
export function closedChangeSummary(input: { kind: ChangeKindValue; title: string }): string {
  return input.kind === "CANCELLED"
    ? logT("closedCancelled", { title: input.title })
    : logT("closed", { title: input.title });
}

/** The public change log's sentence for a change. */
export function changeSummary(input: {
  kind: ChangeKindValue;
  title: string;
  before?: Placed;
  after?: Placed;
  fields?: readonly LoggedField[];
  timeZone: string;
}): string {
  const { kind, title, timeZone } = input;
  const before = input.before ? placeText(input.before, timeZone) : "";
  const after = input.after ? placeText(input.after, timeZone) : "";
  if (kind === "MOVED") {
    return logT("MOVED", {
      title,
      before: input.before?.roomName ?? logT("noRoom"),
      after: input.after?.roomName ?? logT("noRoom"),
    });
  }
  if (kind === "UPDATED") {
    const fields = (input.fields ?? []).map((f) => logT(`fields.${f}`)).join(", ");
    return logT("UPDATED", { title, fields });
  }
  return logT(kind, { title, before, after });
}

export type Relation = "booked" | "waitlisted" | "starred";
export type { MailPerson };

const relationLine: Record<Relation, "relationBooked" | "relationWaitlisted" | "relationStarred"> = {
  booked: "relationBooked",
  waitlisted: "relationWaitlisted",
  starred: "relationStarred",
};

type MailCommon = { sessionId: string; title: string; person: MailPerson; timeZone: string; appUrl: string };

/** Time or room of a session in someone's programme changed: old and new values. */
export function sessionChangedMail(
  p: MailCommon & { before: Placed; after: Placed; relation: Relation },
): RenderedMail {
  const paragraphs = [
    mailT("changedLead", { title: p.title }),
    mailT("was", { value: placeText(p.before, p.timeZone) }),
    mailT("now", { value: placeText(p.after, p.timeZone) }),
    mailT(relationLine[p.relation]),
  ];
  if (p.relation === "booked") paragraphs.push(mailT("clashHint"));
  return layoutMail(
    {
      subject: mailT("changedSubject", { title: p.title }),
      greeting: greeting(p.person),
      paragraphs,
      action: { label: mailT("toMy"), url: `${p.appUrl}/my` },
      footnote: mailT("changedFootnote"),
    },
    p.appUrl,
  );
}

/**
 * A move made the person's seat here overlap another confirmed seat of theirs (the one way two
 * seats can overlap): both sessions named, and one click to the swap page for the pair
 * (`/my/clash/<moved>/<other>`: keep one, the other is cancelled).
 */
export function seatClashMail(
  p: MailCommon & {
    after: Placed;
    other: { id: string; title: string; startsAt: Date; endsAt: Date; roomName: string | null };
  },
): RenderedMail {
  return layoutMail(
    {
      subject: mailT("seatClashSubject", { title: p.title }),
      greeting: greeting(p.person),
      paragraphs: [
        mailT("seatClashLead", { title: p.title, other: p.other.title }),
        mailT("seatClashBoth", {
          title: p.title,
          when: placeText(p.after, p.timeZone),
          other: p.other.title,
          otherWhen: placeText(p.other, p.timeZone),
        }),
        mailT("seatClashChoose"),
      ],
      action: {
        label: mailT("seatClashAction"),
        url: `${p.appUrl}${clashPath(p.sessionId, p.other.id)}`,
      },
      footnote: mailT("changedFootnote"),
    },
    p.appUrl,
  );
}

const cancelledLine: Record<Relation, "cancelledBooked" | "cancelledWaitlisted" | "cancelledStarred"> = {
  booked: "cancelledBooked",
  waitlisted: "cancelledWaitlisted",
  starred: "cancelledStarred",
};

export function sessionCancelledMail(
  p: MailCommon & { before: Placed; relation: Relation; reason: string | null },
): RenderedMail {
  const paragraphs = [mailT("cancelledLead", { title: p.title, when: placeText(p.before, p.timeZone) })];
  if (p.reason) paragraphs.push(mailT("cancelledReason", { reason: p.reason }));
  paragraphs.push(mailT(cancelledLine[p.relation]));
  return layoutMail(
    {
      subject: mailT("cancelledSubject", { title: p.title }),
      greeting: greeting(p.person),
      paragraphs,
      action: { label: mailT("toMy"), url: `${p.appUrl}/my` },
      footnote: mailT("cancelledFootnote"),
    },
    p.appUrl,
  );
}

export function movedToWaitlistMail(p: MailCommon & { when: Placed; position: number }): RenderedMail {
  return layoutMail(
    {
      subject: mailT("movedToWaitlistSubject", { title: p.title }),
      greeting: greeting(p.person),
      paragraphs: [
        mailT("movedToWaitlistLead", { title: p.title, when: placeText(p.when, p.timeZone) }),
        mailT("movedToWaitlistPosition", { position: p.position }),
      ],
      action: { label: mailT("toSession"), url: `${p.appUrl}/sessions/${p.sessionId}` },
      footnote: mailT("movedToWaitlistFootnote"),
    },
    p.appUrl,
  );
}
