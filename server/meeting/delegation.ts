/**
 * What both sides of the meeting share: the current edition with its meeting settings, errors in
 * people's words, a region's active seats, and moving people up from the reserve.
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { AppError, type AppErrorCode } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import type { ApplicationStatus } from "~/server/generated/prisma/enums";
import { serverTranslator } from "~/server/i18n/translate";
import type { Tx } from "~/server/db/transaction";
import { enqueueMeetingMail } from "~/server/meeting/notify";
import {
  ACTIVE_STATUSES,
  countActive,
  effectiveQuota,
  promotionsFromReserve,
  type ActiveCount,
} from "~/server/meeting/rules";
import { findCurrentEdition } from "~/server/edition/current";

const te = serverTranslator("meeting", "meetingErrors");
const ts = serverTranslator("meeting", "meetingStatuses");

type ErrorKey = Parameters<typeof te>[0];

/** An AppError with its message from the "meetingErrors" messages. */
export function meetingError(code: AppErrorCode, key: ErrorKey, values?: Record<string, string | number>): AppError {
  return new AppError(code, te(key, values as never));
}

export const statusLabel = (status: ApplicationStatus): string => ts(status);

export const meetingEditionSelect = {
  id: true,
  name: true,
  timeZone: true,
  meetingSessionId: true,
  meetingDefaultQuota: true,
  meetingReserveEnabled: true,
  meetingMaterials: true,
} satisfies Prisma.EditionSelect;

export type MeetingEdition = Prisma.EditionGetPayload<{ select: typeof meetingEditionSelect }>;

/** The edition the site is about (the latest by start date), with its meeting settings. */
export async function currentEdition(db: Db | Tx): Promise<MeetingEdition> {
  return findCurrentEdition(db, meetingEditionSelect);
}

export async function regionActive(tx: Tx, editionId: string, regionId: number): Promise<ActiveCount> {
  const rows = await tx.meetingApplication.findMany({
    where: { editionId, regionId, status: { in: [...ACTIVE_STATUSES] } },
    select: { role: true, status: true },
  });
  return countActive(rows);
}

/**
 * Gives the region's free seats to its reserve, in arrival order, inside the caller's
 * transaction (which holds the region's lock): each one moved up waits for the organisers'
 * decision again (SUBMITTED), is told by mail, and the move is in the audit log.
 */
export async function fillFromReserve(
  tx: Tx,
  p: { edition: MeetingEdition; regionId: number; regionQuota: { quota: number }; actor: SessionUser },
): Promise<string[]> {
  const reserve = await tx.meetingApplication.findMany({
    where: { editionId: p.edition.id, regionId: p.regionId, status: "RESERVE" },
    select: { id: true, role: true, userId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (reserve.length === 0) return [];
  const quota = effectiveQuota(p.regionQuota, p.edition.meetingDefaultQuota);
  const chosen = promotionsFromReserve(reserve, quota, await regionActive(tx, p.edition.id, p.regionId));
  const promoted: string[] = [];
  for (const r of chosen) {
    const { count } = await tx.meetingApplication.updateMany({
      where: { id: r.id, status: "RESERVE" },
      data: { status: "SUBMITTED" },
    });
    if (count === 0) continue;
    promoted.push(r.id);
    await recordAudit(tx, {
      actor: p.actor,
      action: "application.promote",
      entity: "MeetingApplication",
      entityId: r.id,
      before: { status: "RESERVE" },
      after: { status: "SUBMITTED", quota },
    });
    await enqueueMeetingMail(tx, {
      editionId: p.edition.id,
      userId: r.userId,
      regionId: p.regionId,
      event: { kind: "meeting.promoted" },
    });
  }
  return promoted;
}
