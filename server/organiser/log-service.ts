/**
 * The audit log (admins), the public change log of the programme, and track editors: which
 * organisers are limited to which tracks (admins set it; the change is audited).
 */
import { inTransaction } from "~/server/db/transaction";
import type { SessionUser } from "~/server/auth/roles";
import { recordAudit } from "~/server/audit/log";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { currentEdition } from "~/server/organiser/context";
import { closedChangeSummary, errorsT } from "~/server/organiser/messages";
import type { AuditListInput, SetTrackEditorInput } from "~/server/organiser/schema";
import { zonedDayRange } from "~/server/programme/time";
import { findCurrentEditionOrNull } from "~/server/edition/current";
import { describeAudit, isAuditAction, isAuditEntity } from "~/server/audit/describe";
import { lookupAuditTitles } from "~/server/audit/titles";
import { serverTranslator } from "~/server/i18n/translate";

const AUDIT_PAGE = 50;
const CHANGES_PAGE = 30;

/** Audit entries, newest first, filtered by who, what and when (days in the forum's zone). */
export async function listAudit({ db, input }: { db: Db; input: AuditListInput }) {
  const edition = await findCurrentEditionOrNull(db, { timeZone: true });
  const tz = edition?.timeZone ?? "Europe/Moscow";
  const where: Prisma.AuditLogWhereInput = {};
  if (input.actor) where.actorEmail = { contains: input.actor.toLowerCase(), mode: "insensitive" };
  if (input.entity) where.entity = input.entity;
  if (input.action) where.action = input.action;
  if (input.from || input.to) {
    where.createdAt = {
      ...(input.from ? { gte: zonedDayRange(input.from, tz).from } : {}),
      ...(input.to ? { lt: zonedDayRange(input.to, tz).to } : {}),
    };
  }
  const [total, items, entities, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      select: {
        id: true,
        actorId: true,
        actorEmail: true,
        action: true,
        entity: true,
        entityId: true,
        before: true,
        after: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * AUDIT_PAGE,
      take: AUDIT_PAGE,
    }),
    db.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  // One query per kind of object on the page, whatever the page holds.
  const lookups = await lookupAuditTitles(db, items);
  const deleted = serverTranslator("organiser", "audit")("deletedObject");
  return {
    items: items.map((item) => ({
      ...item,
      sentence: describeAudit(item, lookups, { timeZone: tz, deleted }),
    })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE)),
    // Known kinds first, in the order the page names them; unknown (older) ones as stored.
    entities: entities.map((e) => ({ value: e.entity, known: isAuditEntity(e.entity) })),
    actions: actions.map((a) => ({ value: a.action, known: isAuditAction(a.action) })),
    timeZone: tz,
  };
}

/** The public change log of the published programme, newest first. */
export async function listChanges({ db, input }: { db: Db; input: { page: number } }) {
  const edition = await currentEdition(db);
  const where: Prisma.ProgrammeChangeWhereInput = { editionId: edition.id };
  const [total, items] = await Promise.all([
    db.programmeChange.count({ where }),
    db.programmeChange.findMany({
      where,
      select: {
        id: true,
        kind: true,
        summary: true,
        createdAt: true,
        sessionId: true,
        session: { select: { status: true, isClosed: true, title: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * CHANGES_PAGE,
      take: CHANGES_PAGE,
    }),
  ]);
  return {
    // A link only to sessions guests can open (a session put back to draft is never shown).
    items: items.map(({ session, ...c }) => ({
      ...c,
      // Entries about the closed meeting are read back without values (older ones included).
      summary: session?.isClosed ? closedChangeSummary({ kind: c.kind, title: session.title }) : c.summary,
      sessionId: session && session.status !== "DRAFT" ? c.sessionId : null,
    })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / CHANGES_PAGE)),
    timeZone: edition.timeZone,
  };
}

/** Organisers (not admins, who are never limited) with the tracks they are limited to. */
export async function listTrackEditors({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  const [tracks, organisers] = await Promise.all([
    db.track.findMany({
      where: { editionId: edition.id },
      select: { id: true, code: true, title: true, color: true },
      orderBy: [{ order: "asc" }, { code: "asc" }],
    }),
    db.user.findMany({
      where: { role: "ORGANISER" },
      select: { id: true, email: true, name: true, trackScopes: { select: { trackId: true } } },
      orderBy: { email: "asc" },
    }),
  ]);
  return {
    tracks,
    organisers: organisers.map((o) => ({
      id: o.id,
      email: o.email,
      name: o.name,
      trackIds: o.trackScopes.map((s) => s.trackId),
    })),
  };
}

/** Limits an organiser to some tracks of the current edition (none = every track). */
export async function setTrackEditor({ db, actor, input }: { db: Db; actor: SessionUser; input: SetTrackEditorInput }) {
  const edition = await currentEdition(db);
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true, role: true, trackScopes: { select: { trackId: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", errorsT("userNotFound"));
  if (user.role !== "ORGANISER") throw new AppError("BAD_REQUEST", errorsT("notOrganiser"));
  const trackIds = [...new Set(input.trackIds)].sort();
  const valid = await db.track.count({ where: { id: { in: trackIds }, editionId: edition.id } });
  if (valid !== trackIds.length) throw new AppError("NOT_FOUND", errorsT("trackNotFound"));
  return inTransaction(db, async (tx) => {
    await tx.organiserTrackScope.deleteMany({ where: { userId: user.id } });
    if (trackIds.length > 0) {
      await tx.organiserTrackScope.createMany({ data: trackIds.map((trackId) => ({ userId: user.id, trackId })) });
    }
    await recordAudit(tx, {
      actor,
      action: "trackScope.set",
      entity: "User",
      entityId: user.id,
      before: { trackIds: user.trackScopes.map((s) => s.trackId).sort() },
      after: { trackIds },
    });
    return { id: user.id, email: user.email, trackIds };
  });
}
