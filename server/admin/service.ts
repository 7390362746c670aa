/** Admin tasks: people and their roles. */
import { forgetCachedSessions } from "~/server/auth/session-cache";
import { inTransaction } from "~/server/db/transaction";
import type { UserListInput, SetRoleInput } from "~/server/admin/schema";
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { findCurrentEdition } from "~/server/edition/current";
import { accountErrorsT } from "~/server/i18n/server-messages";

const PAGE_SIZE = 25;

export async function listUsers({ db, input }: { db: Db; input: UserListInput }) {
  const where: Prisma.UserWhereInput = { email: { not: { endsWith: "@deleted.invalid" } } };
  if (input.q) {
    where.OR = [
      { email: { contains: input.q, mode: "insensitive" } },
      { name: { contains: input.q, mode: "insensitive" } },
    ];
  }
  const [total, items] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: { id: true, email: true, name: true, role: true, createdAt: true, emailVerified: true },
      orderBy: [{ role: "desc" }, { email: "asc" }],
      skip: (input.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return { items, total, page: input.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Grants or revokes the organiser role. Admins are managed by the command line only. */
export async function setRole({ db, actor, input }: { db: Db; actor: SessionUser; input: SetRoleInput }) {
  if (input.userId === actor.id) throw new AppError("BAD_REQUEST", accountErrorsT("selfRole"));
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { role: true } });
  if (!target) throw new AppError("NOT_FOUND", accountErrorsT("noSuchUser"));
  if (target.role === "ADMIN") {
    throw new AppError("FORBIDDEN", accountErrorsT("adminRole"));
  }
  const changed = await inTransaction(db, async (tx) => {
    // A role change takes effect at once: the next request reads the role from the database.
    const user = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role },
      select: { id: true, email: true, role: true },
    });
    await recordAudit(tx, {
      actor,
      action: "user.role",
      entity: "User",
      entityId: user.id,
      before: { role: target.role },
      after: { role: user.role },
    });
    return user;
  });
  forgetCachedSessions();
  return changed;
}

/** Figures for the organisers' start page. */
export async function organiserOverview({ db }: { db: Db }) {
  const edition = await findCurrentEdition(db, { id: true, name: true });
  const [byStatus, sessions] = await Promise.all([
    db.registration.groupBy({ by: ["status"], where: { editionId: edition.id }, _count: { _all: true } }),
    db.programmeSession.count({ where: { editionId: edition.id } }),
  ]);
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  return {
    edition,
    registrations: { pending: count("PENDING"), confirmed: count("CONFIRMED"), cancelled: count("CANCELLED") },
    sessions,
  };
}
