/**
 * The organisers' decisions on the August meeting: accredit, decline, substitutions, quotas and
 * settings. Each decision locks the region's RegionQuota row, changes the application with a
 * conditional update, writes the audit entry and the mail in the same transaction.
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { type Prisma } from "~/server/generated/prisma/client";
import {
  currentEdition,
  fillFromReserve,
  meetingEditionSelect,
  meetingError,
  statusLabel,
} from "~/server/meeting/delegation";
import { lockEditionRegions, lockRegion } from "~/server/db/locks";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { enqueueMeetingMail, meetingMailDetails } from "~/server/meeting/notify";
import { ACCREDITABLE, DECLINABLE, effectiveQuota, isActive, QUOTA_FOLLOWS_DEFAULT } from "~/server/meeting/rules";
import type {
  ApplicationIdInput,
  DeclineInput,
  MaterialsInput,
  QuotaInput,
  SettingsInput,
} from "~/server/meeting/schema";

type Args<I> = { db: Db; actor: SessionUser; input: I };

const decidedSelect = {
  id: true,
  userId: true,
  regionId: true,
  role: true,
  status: true,
  authorityName: true,
  substituteUserId: true,
  substituteNote: true,
} satisfies Prisma.MeetingApplicationSelect;

/** Finds the application in the current edition, locks its region, and reads it again under the lock. */
export async function lockedApplication(tx: Tx, id: string) {
  const edition = await currentEdition(tx);
  const found = await tx.meetingApplication.findFirst({
    where: { id, editionId: edition.id },
    select: { regionId: true },
  });
  if (!found) throw meetingError("NOT_FOUND", "applicationNotFound");
  const regionQuota = await lockRegion(tx, edition.id, found.regionId);
  const app = await tx.meetingApplication.findUniqueOrThrow({ where: { id }, select: decidedSelect });
  // The default quota is re-read under the region's lock: a settings change either committed
  // before it (and is seen here) or waits for it (updateSettings locks every region first).
  return { edition: await currentEdition(tx), regionQuota, app };
}

export async function accredit({ db, actor, input }: Args<ApplicationIdInput>) {
  return inTransaction(db, async (tx) => {
    const { edition, app } = await lockedApplication(tx, input.id);
    const { count } = await tx.meetingApplication.updateMany({
      where: { id: app.id, status: { in: [...ACCREDITABLE] } },
      data: { status: "ACCREDITED", decidedById: actor.id, decidedAt: new Date(), declineReason: null },
    });
    if (count === 0) throw meetingError("CONFLICT", "notAccreditable", { status: statusLabel(app.status) });
    await recordAudit(tx, {
      actor,
      action: "application.accredit",
      entity: "MeetingApplication",
      entityId: app.id,
      before: { status: app.status },
      after: { status: "ACCREDITED" },
    });
    await enqueueMeetingMail(tx, {
      editionId: edition.id,
      userId: app.userId,
      regionId: app.regionId,
      event: { kind: "meeting.accredited", role: app.role, details: await meetingMailDetails(tx, edition.id) },
    });
    return { id: app.id, status: "ACCREDITED" as const };
  });
}

/** Declines an application (a waiting one, or an accreditation already given) with a reason the applicant gets. */
export async function decline({ db, actor, input }: Args<DeclineInput>) {
  return inTransaction(db, async (tx) => {
    const { edition, regionQuota, app } = await lockedApplication(tx, input.id);
    const { count } = await tx.meetingApplication.updateMany({
      where: { id: app.id, status: { in: [...DECLINABLE] } },
      data: {
        status: "DECLINED",
        declineReason: input.reason,
        decidedById: actor.id,
        decidedAt: new Date(),
        substituteUserId: null,
        substituteNote: null,
      },
    });
    if (count === 0) throw meetingError("CONFLICT", "notDeclinable", { status: statusLabel(app.status) });
    await recordAudit(tx, {
      actor,
      action: "application.decline",
      entity: "MeetingApplication",
      entityId: app.id,
      before: { status: app.status },
      after: { status: "DECLINED", reason: input.reason },
    });
    await enqueueMeetingMail(tx, {
      editionId: edition.id,
      userId: app.userId,
      regionId: app.regionId,
      event: { kind: "meeting.declined", reason: input.reason },
    });
    const promoted = isActive(app.status)
      ? await fillFromReserve(tx, { edition, regionId: app.regionId, regionQuota, actor })
      : [];
    return { id: app.id, status: "DECLINED" as const, promoted };
  });
}

/** The meeting session, the default quota and the reserve switch. A higher default fills reserves. */
export async function updateSettings({ db, actor, input }: Args<SettingsInput>) {
  return inTransaction(db, async (tx) => {
    const edition = await currentEdition(tx);
    const sessionId = input.meetingSessionId ?? null;
    if (sessionId) {
      const session = await tx.programmeSession.findFirst({
        where: { id: sessionId, editionId: edition.id },
        select: { id: true },
      });
      if (!session) throw meetingError("NOT_FOUND", "sessionNotFound");
    }
    // A changed default quota concerns every region that follows it: their locks come first
    // (step 3 of server/db/locks.ts), so no decision runs against the old default meanwhile.
    if (input.defaultQuota !== edition.meetingDefaultQuota) await lockEditionRegions(tx, edition.id);
    const updated = await tx.edition.update({
      where: { id: edition.id },
      data: {
        meetingSessionId: sessionId,
        meetingDefaultQuota: input.defaultQuota,
        meetingReserveEnabled: input.reserveEnabled,
      },
      select: meetingEditionSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "meeting.settings",
      entity: "Edition",
      entityId: edition.id,
      before: {
        meetingSessionId: edition.meetingSessionId,
        meetingDefaultQuota: edition.meetingDefaultQuota,
        meetingReserveEnabled: edition.meetingReserveEnabled,
      },
      after: {
        meetingSessionId: sessionId,
        meetingDefaultQuota: input.defaultQuota,
        meetingReserveEnabled: input.reserveEnabled,
      },
    });
    if (input.defaultQuota > edition.meetingDefaultQuota) {
      const waiting = await tx.meetingApplication.findMany({
        where: { editionId: edition.id, status: "RESERVE" },
        select: { regionId: true },
        distinct: ["regionId"],
        orderBy: { regionId: "asc" },
      });
      for (const { regionId } of waiting) {
        const regionQuota = await lockRegion(tx, edition.id, regionId);
        if (regionQuota.quota === QUOTA_FOLLOWS_DEFAULT) {
          await fillFromReserve(tx, { edition: updated, regionId, regionQuota, actor });
        }
      }
    }
    return { id: edition.id };
  });
}

export async function setMaterials({ db, actor, input }: Args<MaterialsInput>) {
  const edition = await currentEdition(db);
  return inTransaction(db, async (tx) => {
    await tx.edition.update({ where: { id: edition.id }, data: { meetingMaterials: input.materials } });
    await recordAudit(tx, {
      actor,
      action: "meeting.materials",
      entity: "Edition",
      entityId: edition.id,
      before: { meetingMaterials: edition.meetingMaterials },
      after: { meetingMaterials: input.materials },
    });
    return { id: edition.id };
  });
}

/** A region's own quota, or (null) back to the default. A higher quota fills the region's reserve. */
export async function setQuota({ db, actor, input }: Args<QuotaInput>) {
  return inTransaction(db, async (tx) => {
    const edition = await currentEdition(tx);
    const region = await tx.region.findUnique({ where: { id: input.regionId }, select: { id: true } });
    if (!region) throw meetingError("NOT_FOUND", "regionNotFound");
    const before = await lockRegion(tx, edition.id, region.id);
    const settings = await currentEdition(tx);
    const stored = input.quota ?? QUOTA_FOLLOWS_DEFAULT;
    await tx.regionQuota.update({
      where: { editionId_regionId: { editionId: edition.id, regionId: region.id } },
      data: { quota: stored },
    });
    await recordAudit(tx, {
      actor,
      action: "meeting.quota",
      entity: "RegionQuota",
      entityId: `${edition.id}:${region.id}`,
      before: { quota: before.quota === QUOTA_FOLLOWS_DEFAULT ? null : before.quota },
      after: { quota: input.quota, effective: effectiveQuota({ quota: stored }, settings.meetingDefaultQuota) },
    });
    const promoted = await fillFromReserve(tx, {
      edition: settings,
      regionId: region.id,
      regionQuota: { quota: stored },
      actor,
    });
    return { regionId: region.id, quota: input.quota, promoted };
  });
}
