/**
 * Which message namespaces reach the browser. Server Components translate on the server and send
 * text; only Client Components need messages in the page's payload, so each page gets the
 * namespaces its viewer's client components can use, not the whole catalogue. A test
 * (client-messages.test.ts) fails when a client component reads a namespace missing here.
 */
import { hasRole, type SessionUser } from "~/server/auth/roles";

export const CLIENT_NAMESPACES = {
  /** Guests: booking's seat line, errors, sign-in, registration (with the organisers' questions) and password reset forms, a11y texts (error summary). */
  everyone: ["booking", "errors", "signin", "registration", "answerForm", "reset", "a11y"],
  /** Signed-in people: account, schedule, the August meeting application. */
  participant: ["accountPage", "my", "feedback", "meetingMy", "meetingApply", "meetingRoles", "meetingTopics"],
  /** Organisers and admins: the console's forms. */
  organiser: [
    "organiserProgramme",
    "roomDirections",
    "speakerPhoto",
    "organiserImport",
    "peoplePicker",
    "meetingOrganiser",
    "adminUsers",
    "trackEditors",
    "checkinConsole",
    "ticketAdmin",
    "confirmAction",
    "questionEditor",
  ],
  /** Check-in staff and organisers: the /checkin desk. */
  checkin: ["checkinDesk", "categories"],
} as const;

export function clientNamespaces(viewer: Pick<SessionUser, "role"> | null): string[] {
  return [
    ...CLIENT_NAMESPACES.everyone,
    ...(viewer ? CLIENT_NAMESPACES.participant : []),
    ...(hasRole(viewer, "ORGANISER") ? CLIENT_NAMESPACES.organiser : []),
    ...(hasRole(viewer, "CHECKIN") ? CLIENT_NAMESPACES.checkin : []),
  ];
}

export function clientMessages(
  messages: Record<string, unknown>,
  viewer: Pick<SessionUser, "role"> | null,
): Record<string, unknown> {
  return Object.fromEntries(clientNamespaces(viewer).flatMap((ns) => (ns in messages ? [[ns, messages[ns]]] : [])));
}
