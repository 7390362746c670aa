/**
 * The audit log read as sentences: for each entry, the message key (`auditSentences.<action>`)
 * and the values it names — who, which object (by title, looked up per page, or the last title the
 * entry kept), and what changed (times in the forum's zone). Pure: the lookups come in as maps.
 *
 * Every action written by `recordAudit` is listed in AUDIT_ACTIONS; a test reads the sources for
 * action names and fails when one is missing here or has no sentence in a locale.
 */
import { formatZonedTime, zonedDayKey } from "~/server/programme/time";

export const AUDIT_ACTIONS = [
  "session.create",
  "session.update",
  "session.move",
  "session.publish",
  "session.cancel",
  "session.delete",
  "session.noShowRelease",
  "session.import.create",
  "session.import.update",
  "track.create",
  "track.update",
  "track.delete",
  "room.create",
  "room.update",
  "room.delete",
  "speaker.create",
  "speaker.update",
  "speaker.delete",
  "speaker.photo",
  "speaker.photoRemove",
  "question.create",
  "question.update",
  "question.delete",
  "question.archive",
  "question.restore",
  "question.move",
  "programme.import",
  "application.accredit",
  "application.decline",
  "application.withdraw",
  "application.promote",
  "application.substitute.approve",
  "application.substitute.reject",
  "meeting.settings",
  "meeting.materials",
  "meeting.quota",
  "user.role",
  "trackScope.set",
  "checkin.undo",
  "badges.print",
  "ticket.reissue",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  "ProgrammeSession",
  "Track",
  "Room",
  "Speaker",
  "MeetingApplication",
  "Edition",
  "RegionQuota",
  "User",
  "CheckIn",
  "Registration",
  "RegistrationQuestion",
] as const;

export const isAuditAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);
export const isAuditEntity = (e: string): e is (typeof AUDIT_ENTITIES)[number] =>
  (AUDIT_ENTITIES as readonly string[]).includes(e);

export type AuditRow = {
  actorId: string | null;
  actorEmail: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

/** What the page looked up for its entries: titles by `${entity}:${id}`, people by user id. */
export type AuditLookups = {
  titles: ReadonlyMap<string, string>;
  actors: ReadonlyMap<string, string>;
  /** Track titles by id (for a track editor's scope). */
  tracks: ReadonlyMap<string, string>;
};

export type AuditSentence = {
  /** A key of `auditSentences`, or null for an action this version does not know (shown as stored). */
  key: AuditAction | null;
  values: Record<string, string>;
};

type Payload = Record<string, unknown>;
const obj = (v: unknown): Payload => (v && typeof v === "object" && !Array.isArray(v) ? (v as Payload) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const num = (v: unknown): string | null => (typeof v === "number" && Number.isFinite(v) ? String(v) : null);
const date = (v: unknown): Date | null => {
  if (typeof v !== "string") return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** The title the entry itself kept: a session's or track's title, a room's name, a person's name. */
export function payloadTitle(row: Pick<AuditRow, "before" | "after">): string | null {
  for (const p of [obj(row.after), obj(row.before)]) {
    const t = str(p.title) ?? str(p.name) ?? str(p.fullName) ?? str(p.label);
    if (t) return t;
  }
  return null;
}

export const titleKey = (entity: string, id: string) => `${entity}:${id}`;

/** «12:30», or «26.08 12:30» when the two moments lie on different days. */
function spanEnds(from: Date, to: Date, tz: string): { from: string; to: string } {
  const sameDay = zonedDayKey(from, tz) === zonedDayKey(to, tz);
  const label = (d: Date) => {
    const time = formatZonedTime(d, tz);
    if (sameDay) return time;
    const [, m, day] = zonedDayKey(d, tz).split("-");
    return `${day}.${m} ${time}`;
  };
  return { from: label(from), to: label(to) };
}

/** The sentence for one entry; `deleted` is the locale's «удалено» for an object nobody can find. */
export function describeAudit(
  row: AuditRow,
  lookups: AuditLookups,
  options: { timeZone: string; deleted: string },
): AuditSentence {
  const before = obj(row.before);
  const after = obj(row.after);
  const actor = (row.actorId && lookups.actors.get(row.actorId)) || row.actorEmail;
  const object = lookups.titles.get(titleKey(row.entity, row.entityId)) ?? payloadTitle(row) ?? options.deleted;
  const values: Record<string, string> = { actor, object };
  if (!isAuditAction(row.action)) return { key: null, values };
  const action = row.action;

  if (action === "session.move" || action === "session.update" || action === "session.import.update") {
    const from = date(before.startsAt);
    const to = date(after.startsAt);
    const timeMoved = !!from && !!to && from.getTime() !== to.getTime();
    const roomMoved = (str(before.room) ?? "") !== (str(after.room) ?? "") && "room" in before;
    values.moved = timeMoved ? "time" : roomMoved ? "room" : "none";
    const ends = from && to ? spanEnds(from, to, options.timeZone) : { from: "", to: "" };
    values.from = ends.from;
    values.to = ends.to;
    values.fromRoom = str(before.room) ?? "—";
    values.toRoom = str(after.room) ?? "—";
    values.roomMoved = roomMoved ? "yes" : "no";
  }
  const reason = (r: unknown) => {
    values.reason = str(r) ?? "";
    values.hasReason = values.reason ? "yes" : "no";
  };
  if (action === "session.cancel") reason(after.reason);
  if (action === "session.noShowRelease") values.minutes = num(after.noShowReleaseMinutes) ?? "off";
  if (action === "programme.import") {
    values.file = str(after.fileName) ?? "—";
    values.created = num(after.create) ?? "0";
    values.updated = num(after.update) ?? "0";
  }
  if (action === "application.decline" || action === "application.substitute.reject") reason(after.reason);
  if (action === "meeting.quota") values.quota = num(after.quota) ?? "default";
  if (action === "user.role") {
    values.from = str(before.role) ?? "other";
    values.to = str(after.role) ?? "other";
  }
  if (action === "trackScope.set") {
    const ids = Array.isArray(after.trackIds) ? after.trackIds.filter((x): x is string => typeof x === "string") : [];
    values.tracks = ids.map((id) => `«${lookups.tracks.get(id) ?? options.deleted}»`).join(", ");
    values.limited = ids.length > 0 ? "yes" : "no";
  }
  if (action === "badges.print") values.count = num(after.count) ?? "0";
  return { key: action, values };
}
