/**
 * Substitution of a delegate: the head of a delegation proposes a registered participant in
 * place of a member; the organisers approve (the member's application is withdrawn and the
 * substitute gets an accredited one) or reject. Every step locks the region's RegionQuota row.
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { Prisma } from "~/server/generated/prisma/client";
import { currentEdition, meetingError } from "~/server/meeting/delegation";
import { lockRegion } from "~/server/db/locks";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { enqueueMeetingMail, meetingMailDetails } from "~/server/meeting/notify";
import { lockedApplication } from "~/server/meeting/organiser";
import { isActive, substituteProposalRefusal } from "~/server/meeting/rules";
import type { ApplicationIdInput, ProposeSubstituteInput, RejectSubstituteInput } from "~/server/meeting/schema";

type Args<I> = { db: Db; actor: SessionUser; input: I };

/** The head's active application, under the region's lock; FORBIDDEN for anyone else. */
async function lockedHead(tx: Tx, editionId: string, userId: string) {
  const head = await tx.meetingApplication.findUnique({
    where: { editionId_userId: { editionId, userId } },
    select: { id: true, regionId: true },
  });
  if (!head) throw meetingError("FORBIDDEN", "notHead");
  await lockRegion(tx, editionId, head.regionId);
  return tx.meetingApplication.findUniqueOrThrow({
    where: { id: head.id },
    select: { id: true, role: true, status: true, regionId: true },
  });
}

/** The head of a delegation proposes a registered participant (by email) in place of a member. */
export async function proposeSubstitute({ db, actor, input }: Args<ProposeSubstituteInput>) {
  return inTransaction(db, async (tx) => {
    const edition = await currentEdition(tx);
    const head = await lockedHead(tx, edition.id, actor.id);
    if (head.role !== "HEAD" || !isActive(head.status)) throw meetingError("FORBIDDEN", "notHead");
    const member = await tx.meetingApplication.findFirst({
      where: { id: input.applicationId, editionId: edition.id },
      select: { id: true, role: true, status: true, regionId: true, substituteUserId: true },
    });
    if (!member) throw meetingError("NOT_FOUND", "applicationNotFound");
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    const registration = user
      ? await tx.registration.findUnique({
          where: { editionId_userId: { editionId: edition.id, userId: user.id } },
          select: { status: true },
        })
      : null;
    const own = user
      ? await tx.meetingApplication.findUnique({
          where: { editionId_userId: { editionId: edition.id, userId: user.id } },
          select: { id: true },
        })
      : null;
    const refusal = substituteProposalRefusal({
      head,
      member,
      substitute: { registrationStatus: registration?.status ?? null, hasApplication: Boolean(own) },
    });
    if (refusal) {
      const code = refusal === "notHead" || refusal === "otherRegion" ? "FORBIDDEN" : "CONFLICT";
      throw meetingError(code, refusal, { email: input.email });
    }
    await tx.meetingApplication.update({
      where: { id: member.id },
      data: { substituteUserId: user!.id, substituteNote: input.note ?? null },
    });
    return { id: member.id };
  });
}

/** The head takes back a substitution proposal the organisers have not decided yet. */
export async function cancelSubstitute({ db, actor, input }: Args<ApplicationIdInput>) {
  return inTransaction(db, async (tx) => {
    const edition = await currentEdition(tx);
    const head = await lockedHead(tx, edition.id, actor.id);
    if (head.role !== "HEAD") throw meetingError("FORBIDDEN", "notHead");
    const { count } = await tx.meetingApplication.updateMany({
      where: { id: input.id, editionId: edition.id, regionId: head.regionId, substituteUserId: { not: null } },
      data: { substituteUserId: null, substituteNote: null },
    });
    if (count === 0) throw meetingError("CONFLICT", "noProposal");
    return { id: input.id };
  });
}

async function headOf(tx: Tx, editionId: string, regionId: number) {
  return tx.meetingApplication.findFirst({
    where: { editionId, regionId, role: "HEAD", status: { in: ["SUBMITTED", "ACCREDITED"] } },
    select: { userId: true },
  });
}

/**
 * Approves a head's proposal: the member's application is withdrawn and the substitute gets an
 * accredited application that names it (replacesId). The seat passes from one to the other, so
 * the region's count does not change and nobody leaves the reserve.
 */
export async function approveSubstitute(args: Args<ApplicationIdInput>) {
  try {
    return await approveSubstituteTx(args);
  } catch (error) {
    // The substitute applied on their own at the same moment: the unique index kept one application.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw meetingError("CONFLICT", "substituteGone");
    }
    throw error;
  }
}

async function approveSubstituteTx({ db, actor, input }: Args<ApplicationIdInput>) {
  return inTransaction(db, async (tx) => {
    const { edition, app } = await lockedApplication(tx, input.id);
    if (!app.substituteUserId) throw meetingError("CONFLICT", "noProposal");
    if (!isActive(app.status) || app.role !== "MEMBER") throw meetingError("CONFLICT", "memberInactive");
    const registration = await tx.registration.findUnique({
      where: { editionId_userId: { editionId: edition.id, userId: app.substituteUserId } },
      select: { status: true, position: true },
    });
    const own = await tx.meetingApplication.findUnique({
      where: { editionId_userId: { editionId: edition.id, userId: app.substituteUserId } },
      select: { id: true },
    });
    if (registration?.status !== "CONFIRMED" || own) throw meetingError("CONFLICT", "substituteGone");
    const now = new Date();
    await tx.meetingApplication.update({
      where: { id: app.id },
      data: {
        status: "WITHDRAWN",
        withdrawnAt: now,
        decidedById: actor.id,
        decidedAt: now,
        substituteUserId: null,
        substituteNote: null,
      },
    });
    const created = await tx.meetingApplication.create({
      data: {
        editionId: edition.id,
        userId: app.substituteUserId,
        regionId: app.regionId,
        authorityName: app.authorityName,
        position: registration.position,
        role: "MEMBER",
        status: "ACCREDITED",
        decidedById: actor.id,
        decidedAt: now,
        replacesId: app.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "application.substitute.approve",
      entity: "MeetingApplication",
      entityId: app.id,
      before: { status: app.status, substituteUserId: app.substituteUserId, note: app.substituteNote },
      after: { status: "WITHDRAWN", replacedBy: created.id },
    });
    await recordAudit(tx, {
      actor,
      action: "application.accredit",
      entity: "MeetingApplication",
      entityId: created.id,
      after: { status: "ACCREDITED", replaces: app.id },
    });
    const common = { editionId: edition.id, regionId: app.regionId };
    const details = await meetingMailDetails(tx, edition.id);
    await enqueueMeetingMail(tx, {
      ...common,
      userId: app.substituteUserId,
      event: { kind: "meeting.substitute", details },
    });
    await enqueueMeetingMail(tx, { ...common, userId: app.userId, event: { kind: "meeting.replaced" } });
    const head = await headOf(tx, edition.id, app.regionId);
    if (head)
      await enqueueMeetingMail(tx, {
        ...common,
        userId: head.userId,
        event: { kind: "meeting.substitution-approved" },
      });
    return { id: created.id, replaced: app.id };
  });
}

export async function rejectSubstitute({ db, actor, input }: Args<RejectSubstituteInput>) {
  return inTransaction(db, async (tx) => {
    const { edition, app } = await lockedApplication(tx, input.id);
    if (!app.substituteUserId) throw meetingError("CONFLICT", "noProposal");
    await tx.meetingApplication.update({
      where: { id: app.id },
      data: { substituteUserId: null, substituteNote: null },
    });
    await recordAudit(tx, {
      actor,
      action: "application.substitute.reject",
      entity: "MeetingApplication",
      entityId: app.id,
      before: { substituteUserId: app.substituteUserId, note: app.substituteNote },
      after: { substituteUserId: null, reason: input.reason ?? null },
    });
    const head = await headOf(tx, edition.id, app.regionId);
    if (head) {
      await enqueueMeetingMail(tx, {
        editionId: edition.id,
        userId: head.userId,
        regionId: app.regionId,
        event: { kind: "meeting.substitution-rejected", reason: input.reason ?? null },
      });
    }
    return { id: app.id };
  });
}
