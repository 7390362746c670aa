/**
 * Telling people about programme changes, inside the transaction that makes the change: one
 * mail per person per change (booked, waitlisted or starred — whichever is strongest), written
 * to the outbox, and one line in the public change log for published sessions.
 */
import type { Tx } from "~/server/db/transaction";
import { env } from "~/server/env";
import { inLocaleOf } from "~/server/i18n/translate";
import type { ProgrammeChangeKind } from "~/server/generated/prisma/client";
import { enqueueMail } from "~/server/mail/outbox";
import type { LoggedField } from "~/server/organiser/rules";
import {
  changeSummary,
  closedChangeSummary,
  movedToWaitlistMail,
  seatClashMail,
  sessionCancelledMail,
  sessionChangedMail,
  type MailPerson,
  type Placed,
  type Relation,
} from "~/server/organiser/messages";

/** `locale`: the recipient's stored language; their mail is written in it. */
export type Recipient = {
  userId: string;
  email: string;
  relation: Relation;
  person: MailPerson;
  locale: string | null;
};

const appUrl = () => env.APP_URL.replace(/\/$/, "");

const STRENGTH: Record<Relation, number> = { booked: 3, waitlisted: 2, starred: 1 };

/** Everyone who has the session in their programme, once each, with their strongest relation. */
export async function recipientsOf(
  tx: Tx,
  session: { id: string; editionId: string },
  exclude: ReadonlySet<string> = new Set(),
): Promise<Recipient[]> {
  const [booked, waiting, starred] = await Promise.all([
    tx.booking.findMany({ where: { sessionId: session.id }, select: { userId: true } }),
    tx.waitlistEntry.findMany({ where: { sessionId: session.id }, select: { userId: true } }),
    tx.favourite.findMany({ where: { sessionId: session.id }, select: { userId: true } }),
  ]);
  const relation = new Map<string, Relation>();
  const add = (rows: { userId: string }[], r: Relation) => {
    for (const { userId } of rows) {
      const had = relation.get(userId);
      if (!had || STRENGTH[had] < STRENGTH[r]) relation.set(userId, r);
    }
  };
  add(booked, "booked");
  add(waiting, "waitlisted");
  add(starred, "starred");
  for (const id of exclude) relation.delete(id);
  if (relation.size === 0) return [];
  return withPeople(
    tx,
    session.editionId,
    [...relation].map(([userId, r]) => ({ userId, relation: r })),
  );
}

async function withPeople<T extends { userId: string }>(
  tx: Tx,
  editionId: string,
  rows: readonly T[],
): Promise<(T & { email: string; person: MailPerson; locale: string | null })[]> {
  const ids = rows.map((r) => r.userId);
  const [users, registrations] = await Promise.all([
    tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, locale: true } }),
    tx.registration.findMany({
      where: { editionId, userId: { in: ids } },
      select: { userId: true, firstName: true, patronymic: true, anonymisedAt: true },
    }),
  ]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const locales = new Map(users.map((u) => [u.id, u.locale]));
  const names = new Map(registrations.map((r) => [r.userId, r]));
  return rows
    .filter((r) => {
      const email = emails.get(r.userId);
      return email !== undefined && !email.endsWith("@deleted.invalid");
    })
    .sort((a, b) => a.userId.localeCompare(b.userId))
    .map((r) => {
      const reg = names.get(r.userId);
      const person =
        reg && !reg.anonymisedAt
          ? { firstName: reg.firstName, patronymic: reg.patronymic }
          : { firstName: null, patronymic: null };
      return { ...r, email: emails.get(r.userId)!, person, locale: locales.get(r.userId) ?? null };
    });
}

type SessionRef = { id: string; title: string; editionId: string; timeZone: string };

/** The time or room changed: old and new values to everyone concerned. Returns how many were told. */
export async function notifyPlacementChange(
  tx: Tx,
  p: { session: SessionRef; before: Placed; after: Placed; exclude?: ReadonlySet<string> },
): Promise<number> {
  const recipients = await recipientsOf(tx, p.session, p.exclude);
  for (const r of recipients) {
    const mail = inLocaleOf(r.locale, () =>
      sessionChangedMail({
        sessionId: p.session.id,
        title: p.session.title,
        person: r.person,
        timeZone: p.session.timeZone,
        appUrl: appUrl(),
        before: p.before,
        after: p.after,
        relation: r.relation,
      }),
    );
    await enqueueMail(tx, { ...mail, kind: "programme.changed", to: r.email });
  }
  return recipients.length;
}

/**
 * After a move: each booked person whose seat now overlaps another confirmed seat of theirs gets
 * one mail naming both sessions (instead of the plain change notice). Returns the people told.
 */
export async function notifySeatClashes(
  tx: Tx,
  p: {
    session: SessionRef;
    after: Placed;
    clashes: readonly { userId: string; other: { id: string; title: string; startsAt: Date; endsAt: Date } }[];
  },
): Promise<Set<string>> {
  const first = new Map<string, (typeof p.clashes)[number]["other"]>();
  for (const c of p.clashes) if (!first.has(c.userId)) first.set(c.userId, c.other);
  if (first.size === 0) return new Set();
  const rooms = await tx.programmeSession.findMany({
    where: { id: { in: [...new Set([...first.values()].map((o) => o.id))] } },
    select: { id: true, room: { select: { name: true } } },
  });
  const roomOf = new Map(rooms.map((r) => [r.id, r.room?.name ?? null]));
  const told = new Set<string>();
  const rows = [...first].map(([userId, other]) => ({ userId, other }));
  for (const r of await withPeople(tx, p.session.editionId, rows)) {
    const mail = inLocaleOf(r.locale, () =>
      seatClashMail({
        sessionId: p.session.id,
        title: p.session.title,
        person: r.person,
        timeZone: p.session.timeZone,
        appUrl: appUrl(),
        after: p.after,
        other: { ...r.other, roomName: roomOf.get(r.other.id) ?? null },
      }),
    );
    await enqueueMail(tx, { ...mail, kind: "programme.seat-clash", to: r.email });
    told.add(r.userId);
  }
  return told;
}

/** Cancellation notices; call before the seats and queue are cleared (they decide who is told what). */
export async function notifyCancellation(
  tx: Tx,
  p: { session: SessionRef; before: Placed; reason: string | null },
): Promise<number> {
  const recipients = await recipientsOf(tx, p.session);
  for (const r of recipients) {
    const mail = inLocaleOf(r.locale, () =>
      sessionCancelledMail({
        sessionId: p.session.id,
        title: p.session.title,
        person: r.person,
        timeZone: p.session.timeZone,
        appUrl: appUrl(),
        before: p.before,
        relation: r.relation,
        reason: p.reason,
      }),
    );
    await enqueueMail(tx, { ...mail, kind: "programme.cancelled", to: r.email });
  }
  return recipients.length;
}

/** People whose seat went back to the queue when the capacity dropped, with their new place. */
export async function notifyMovedToWaitlist(
  tx: Tx,
  p: { session: SessionRef; when: Placed; moved: readonly { userId: string; position: number }[] },
): Promise<void> {
  for (const r of await withPeople(tx, p.session.editionId, p.moved)) {
    const mail = inLocaleOf(r.locale, () =>
      movedToWaitlistMail({
        sessionId: p.session.id,
        title: p.session.title,
        person: r.person,
        timeZone: p.session.timeZone,
        appUrl: appUrl(),
        when: p.when,
        position: r.position,
      }),
    );
    await enqueueMail(tx, { ...mail, kind: "programme.waitlisted", to: r.email });
  }
}

const placedJson = (p: Placed | undefined) =>
  p ? { startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString(), room: p.roomName } : undefined;

/** One line of the public change log. */
export async function logProgrammeChange(
  tx: Tx,
  p: {
    session: SessionRef;
    kind: ProgrammeChangeKind;
    before?: Placed;
    after?: Placed;
    fields?: readonly LoggedField[];
  },
): Promise<void> {
  // The closed meeting's hours and room are never public: its entries name the change, not the values.
  const row = await tx.programmeSession.findUnique({
    where: { id: p.session.id },
    select: { isClosed: true, edition: { select: { meetingSessionId: true } } },
  });
  if (row && (row.isClosed || row.edition.meetingSessionId === p.session.id)) {
    await tx.programmeChange.create({
      data: {
        editionId: p.session.editionId,
        sessionId: p.session.id,
        kind: p.kind,
        summary: closedChangeSummary({ kind: p.kind, title: p.session.title }),
      },
    });
    return;
  }
  await tx.programmeChange.create({
    data: {
      editionId: p.session.editionId,
      sessionId: p.session.id,
      kind: p.kind,
      summary: changeSummary({
        kind: p.kind,
        title: p.session.title,
        before: p.before,
        after: p.after,
        fields: p.fields,
        timeZone: p.session.timeZone,
      }),
      before: placedJson(p.before),
      after: p.fields ? { ...placedJson(p.after), fields: [...p.fields] } : placedJson(p.after),
    },
  });
}
