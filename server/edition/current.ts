/**
 * Which forum edition the site is about: the latest by start date. The one place that says
 * so; every service asks here, with the fields it needs.
 */
import type { Db } from "~/server/db/client";
import type { Tx } from "~/server/db/transaction";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { apiErrorsT } from "~/server/i18n/server-messages";

/** The current edition with the given fields, or null before any edition exists. */
export async function findCurrentEditionOrNull<S extends Prisma.EditionSelect>(
  db: Db | Tx,
  select: S,
): Promise<Prisma.EditionGetPayload<{ select: S }> | null> {
  const edition = await db.edition.findFirst({ select, orderBy: { startsAt: "desc" } });
  return edition as Prisma.EditionGetPayload<{ select: S }> | null;
}

/** The current edition with the given fields; NOT_FOUND before any edition exists. */
export async function findCurrentEdition<S extends Prisma.EditionSelect>(
  db: Db | Tx,
  select: S,
): Promise<Prisma.EditionGetPayload<{ select: S }>> {
  const edition = await findCurrentEditionOrNull(db, select);
  if (!edition) throw new AppError("NOT_FOUND", apiErrorsT("noEdition"));
  return edition;
}
