/**
 * The organisers' door lists as tables: one session's attendees, every session's (a sheet per
 * session after «Все записи»), and every registration. Phones are phone cells (server/export/cells.ts
 * writes them per format); «Дата записи» is when the seat was taken or the queue joined, in the
 * forum's time zone.
 */
import { formatPhone } from "~/server/account/phone";
import type { Table } from "~/server/export/file";
import type { SheetCell } from "~/server/export/xlsx";
import { exportT } from "~/server/i18n/server-messages";
import { dateFormat, serverTranslator } from "~/server/i18n/translate";
import type { RosterPerson } from "~/server/organiser/rosters";

const categoryT = serverTranslator("account", "categories");

type RosterSession = { title: string; startsAt: Date; room: string | null; people: RosterPerson[] };
type Registration = Omit<RosterPerson, "position" | "status"> & { status: "PENDING" | "CONFIRMED" | "CANCELLED" };

const when = (d: Date, timeZone: string) => dateFormat({ dateStyle: "short", timeStyle: "short", timeZone }).format(d);

const personHeader = () => [
  exportT("fullName"),
  exportT("email"),
  exportT("phone"),
  exportT("organisation"),
  exportT("position"),
  exportT("region"),
  exportT("category"),
];

const personCells = (p: Omit<RosterPerson, "position" | "status" | "since">): SheetCell[] => [
  p.fullName,
  p.email,
  { phone: formatPhone(p.phone) },
  p.organisation,
  p.jobTitle,
  p.region,
  p.category ? categoryT(p.category as never) : "",
];

const attendeeHeader = () => [
  exportT("number"),
  exportT("status"),
  exportT("queuePosition"),
  ...personHeader(),
  exportT("since"),
];

const attendeeRows = (people: readonly RosterPerson[], timeZone: string): SheetCell[][] =>
  people.map((p, i) => [
    i + 1,
    p.status === "booked" ? exportT("booked") : exportT("waitlisted"),
    p.position ?? "",
    ...personCells(p),
    when(p.since, timeZone),
  ]);

/** One session's list: one header row, the seated first, then the queue. */
export function attendeeTable(session: RosterSession, timeZone: string): Table {
  return { title: session.title, header: attendeeHeader(), rows: attendeeRows(session.people, timeZone) };
}

/** «Все записи» (every session's people in one table, with the session's title, start and room), then a sheet per session. */
export function allAttendeeTables(sessions: readonly RosterSession[], timeZone: string): Table[] {
  const all: Table = {
    title: exportT("allRecords"),
    header: [exportT("session"), exportT("startsAt"), exportT("room"), ...attendeeHeader()],
    rows: sessions.flatMap((s) =>
      attendeeRows(s.people, timeZone).map((row) => [s.title, when(s.startsAt, timeZone), s.room ?? "", ...row]),
    ),
  };
  return [all, ...sessions.map((s) => attendeeTable(s, timeZone))];
}

export function registrationTable(registrations: readonly Registration[], timeZone: string): Table {
  return {
    title: exportT("registrationsTitle"),
    header: [exportT("number"), exportT("registrationStatus"), ...personHeader(), exportT("registeredAt")],
    rows: registrations.map((r, i) => [
      i + 1,
      exportT(`registration${r.status}` as never),
      ...personCells(r),
      when(r.since, timeZone),
    ]),
  };
}
