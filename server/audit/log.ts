/**
 * The audit log: every organiser and admin change, written in the same transaction as the
 * change itself (so a rolled-back change leaves no entry, and no change goes unrecorded).
 */
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";
import { bumpContentVersion } from "~/server/programme/content-version";

export type AuditEntry = {
  actor: Pick<SessionUser, "id" | "email">;
  /** "session.update", "session.publish", "application.accredit", "user.role", … */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy (Dates as ISO strings); undefined stays absent. */
const toJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

export async function recordAudit(db: Db | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
  // Guest pages are cached per programme version; any audited change may show on them.
  await bumpContentVersion(db);
}
