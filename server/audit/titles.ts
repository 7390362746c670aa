/**
 * The names an audit page shows instead of ids: one query per kind of object on the page (never
 * one per row). People are named «Фамилия Имя (почта)»; objects that no longer exist are absent
 * (describeAudit falls back to the title the entry kept, or «удалено»).
 */
import type { Db } from "~/server/db/client";
import { titleKey, type AuditLookups, type AuditRow } from "~/server/audit/describe";

type Person = { email: string; name?: string | null; registrations?: { surname: string; firstName: string }[] };

/** «Кедров Олег (kedrov@example.ru)», or the email alone. */
export function personLabel(p: Person): string {
  const reg = p.registrations?.[0];
  const name = reg ? `${reg.surname} ${reg.firstName}`.trim() : (p.name?.trim() ?? "");
  return name ? `${name} (${p.email})` : p.email;
}

const registrationsSelect = {
  select: { surname: true, firstName: true },
  orderBy: { createdAt: "desc" },
  take: 1,
} as const;

export async function lookupAuditTitles(db: Db, rows: readonly AuditRow[]): Promise<AuditLookups> {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))];
  const trackIds = new Set<string>(ids("Track"));
  for (const r of rows) {
    if (r.action !== "trackScope.set") continue;
    const after = r.after as { trackIds?: unknown } | null;
    if (Array.isArray(after?.trackIds)) for (const id of after.trackIds) if (typeof id === "string") trackIds.add(id);
  }
  const userIds = [...new Set([...ids("User"), ...rows.map((r) => r.actorId).filter((x): x is string => !!x)])];
  const quotaRegions = ids("RegionQuota")
    .map((id) => Number(id.split(":")[1]))
    .filter((n) => Number.isInteger(n));
  const [sessions, tracks, rooms, speakers, applications, editions, regions, users, checkIns, registrations] =
    await Promise.all([
      db.programmeSession.findMany({
        where: { id: { in: ids("ProgrammeSession") } },
        select: { id: true, title: true },
      }),
      db.track.findMany({ where: { id: { in: [...trackIds] } }, select: { id: true, title: true } }),
      db.room.findMany({ where: { id: { in: ids("Room") } }, select: { id: true, name: true } }),
      db.speaker.findMany({ where: { id: { in: ids("Speaker") } }, select: { id: true, fullName: true } }),
      db.meetingApplication.findMany({
        where: { id: { in: ids("MeetingApplication") } },
        select: { id: true, user: { select: { email: true, name: true, registrations: registrationsSelect } } },
      }),
      db.edition.findMany({ where: { id: { in: ids("Edition") } }, select: { id: true, name: true } }),
      db.region.findMany({ where: { id: { in: quotaRegions } }, select: { id: true, name: true } }),
      db.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, email: true, name: true, registrations: registrationsSelect },
      }),
      db.checkIn.findMany({
        where: { id: { in: ids("CheckIn") } },
        select: {
          id: true,
          ticket: { select: { registration: { select: { email: true, surname: true, firstName: true } } } },
        },
      }),
      db.registration.findMany({
        where: { id: { in: ids("Registration") } },
        select: { id: true, email: true, surname: true, firstName: true },
      }),
    ]);
  const titles = new Map<string, string>();
  for (const s of sessions) titles.set(titleKey("ProgrammeSession", s.id), s.title);
  for (const t of tracks) titles.set(titleKey("Track", t.id), t.title);
  for (const r of rooms) titles.set(titleKey("Room", r.id), r.name);
  for (const s of speakers) titles.set(titleKey("Speaker", s.id), s.fullName);
  for (const a of applications) titles.set(titleKey("MeetingApplication", a.id), personLabel(a.user));
  for (const e of editions) titles.set(titleKey("Edition", e.id), e.name);
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  for (const id of ids("RegionQuota")) {
    const name = regionName.get(Number(id.split(":")[1]));
    if (name) titles.set(titleKey("RegionQuota", id), name);
  }
  const people = new Map(users.map((u) => [u.id, personLabel(u)]));
  for (const id of ids("User")) {
    const label = people.get(id);
    if (label) titles.set(titleKey("User", id), label);
  }
  for (const c of checkIns) {
    const reg = c.ticket.registration;
    titles.set(titleKey("CheckIn", c.id), personLabel({ email: reg.email, registrations: [reg] }));
  }
  for (const r of registrations)
    titles.set(titleKey("Registration", r.id), personLabel({ email: r.email, registrations: [r] }));
  return {
    titles,
    actors: people,
    tracks: new Map(tracks.map((t) => [t.id, t.title])),
  };
}
