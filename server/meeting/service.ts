/**
 * The August meeting for participants: what the meeting pages show a person (and whether they
 * may see the time, room and materials), applying and withdrawing. Every write locks the
 * region's RegionQuota row first. Substitution is in substitution.ts.
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { Prisma } from "~/server/generated/prisma/client";
import {
  currentEdition,
  fillFromReserve,
  meetingError,
  regionActive,
  statusLabel,
  type MeetingEdition,
} from "~/server/meeting/delegation";
import { lockRegion } from "~/server/db/locks";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { enqueueMeetingMail } from "~/server/meeting/notify";
import {
  applicationEligibility,
  canSeeMeetingDetails,
  effectiveQuota,
  fullName,
  isActive,
  isStaffRole,
  seatDecision,
  WITHDRAWABLE,
  type Ineligibility,
} from "~/server/meeting/rules";
import type { ApplyInput } from "~/server/meeting/schema";
import { zonedDayKey } from "~/server/programme/time";
import { findCurrentEditionOrNull } from "~/server/edition/current";

type Args<I> = { db: Db; actor: SessionUser; input: I };

const myApplicationSelect = {
  id: true,
  status: true,
  role: true,
  topic: true,
  question: true,
  authorityName: true,
  position: true,
  declineReason: true,
  createdAt: true,
  decidedAt: true,
  withdrawnAt: true,
  replacesId: true,
  regionId: true,
  region: { select: { id: true, name: true } },
} satisfies Prisma.MeetingApplicationSelect;

export type MyApplication = Prisma.MeetingApplicationGetPayload<{ select: typeof myApplicationSelect }>;

/** A delegation member as its head sees them: name, role and state, nothing else. */
export type DelegateView = {
  id: string;
  name: string;
  role: MyApplication["role"];
  status: MyApplication["status"];
  substituteEmail: string | null;
};

export type MeetingView = {
  edition: { id: string; name: string; timeZone: string };
  session: { id: string; title: string; day: string; status: string; isDemo: boolean } | null;
  /** Applications are accepted: a published session is set as the meeting. */
  open: boolean;
  /** Time, room and materials: for accredited delegates and organisers only. */
  details: {
    startsAt: Date;
    endsAt: Date;
    room: { name: string; floor: string } | null;
    materials: string;
  } | null;
  viewer: {
    staff: boolean;
    eligibility: Ineligibility | "ok";
    registration: { regionName: string | null; organisation: string; position: string } | null;
    application: MyApplication | null;
    delegation: DelegateView[];
  } | null;
};

async function meetingSession(db: Db | Tx, edition: MeetingEdition) {
  if (!edition.meetingSessionId) return null;
  return db.programmeSession.findFirst({
    where: { id: edition.meetingSessionId, status: { in: ["PUBLISHED", "CANCELLED"] } },
    select: {
      id: true,
      title: true,
      status: true,
      isDemo: true,
      startsAt: true,
      endsAt: true,
      room: { select: { name: true, floor: true } },
    },
  });
}

const registrationSelect = {
  status: true,
  category: true,
  regionId: true,
  organisation: true,
  position: true,
  region: { select: { name: true } },
} satisfies Prisma.RegistrationSelect;

async function delegationOf(db: Db, editionId: string, app: MyApplication): Promise<DelegateView[]> {
  if (app.role !== "HEAD" || !isActive(app.status)) return [];
  const rows = await db.meetingApplication.findMany({
    where: {
      editionId,
      regionId: app.regionId,
      id: { not: app.id },
      status: { in: ["SUBMITTED", "RESERVE", "ACCREDITED"] },
    },
    select: {
      id: true,
      role: true,
      status: true,
      substituteUserId: true,
      user: {
        select: {
          registrations: { where: { editionId }, select: { surname: true, firstName: true, patronymic: true } },
        },
      },
    },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  const subIds = rows.map((r) => r.substituteUserId).filter((id): id is string => Boolean(id));
  const subs = subIds.length
    ? await db.user.findMany({ where: { id: { in: subIds } }, select: { id: true, email: true } })
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: fullName(r.user.registrations[0]),
    role: r.role,
    status: r.status,
    substituteEmail: subs.find((s) => s.id === r.substituteUserId)?.email ?? null,
  }));
}

/** Everything the meeting pages (/august-meeting, the session page, /my) show this person. */
export async function getMeetingView({ db, actor }: { db: Db; actor: SessionUser | null }): Promise<MeetingView> {
  const edition = await currentEdition(db);
  const session = await meetingSession(db, edition);
  const open = session?.status === "PUBLISHED";
  const base = {
    edition: { id: edition.id, name: edition.name, timeZone: edition.timeZone },
    session: session
      ? {
          id: session.id,
          title: session.title,
          day: zonedDayKey(session.startsAt, edition.timeZone),
          status: session.status,
          isDemo: session.isDemo,
        }
      : null,
    open,
  };
  if (!actor) return { ...base, details: null, viewer: null };

  const [registration, application] = await Promise.all([
    db.registration.findUnique({
      where: { editionId_userId: { editionId: edition.id, userId: actor.id } },
      select: registrationSelect,
    }),
    db.meetingApplication.findUnique({
      where: { editionId_userId: { editionId: edition.id, userId: actor.id } },
      select: myApplicationSelect,
    }),
  ]);
  const eligibility = applicationEligibility({ meetingOpen: open, registration, hasApplication: Boolean(application) });
  const seesDetails = canSeeMeetingDetails({
    userRole: actor.role,
    applicationStatus: application?.status ?? null,
    registrationStatus: registration?.status ?? null,
  });
  return {
    ...base,
    details:
      seesDetails && session
        ? {
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            room: session.room,
            materials: edition.meetingMaterials,
          }
        : null,
    viewer: {
      staff: isStaffRole(actor.role),
      eligibility: eligibility.ok ? "ok" : eligibility.reason,
      registration: registration
        ? {
            regionName: registration.region?.name ?? null,
            organisation: registration.organisation,
            position: registration.position,
          }
        : null,
      application,
      delegation: application ? await delegationOf(db, edition.id, application) : [],
    },
  };
}

/** The meeting view when the session is the meeting, else null (the session page asks for every session). */
export async function getMeetingViewForSession({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: SessionUser | null;
  input: { sessionId: string };
}): Promise<MeetingView | null> {
  const edition = await findCurrentEditionOrNull(db, { meetingSessionId: true });
  if (!edition?.meetingSessionId || edition.meetingSessionId !== input.sessionId) return null;
  return getMeetingView({ db, actor });
}

export type ApplyResult = { id: string; status: "SUBMITTED" | "RESERVE"; regionName: string };

/**
 * Applies to the region's delegation. Under the region's lock: one application per person,
 * at most one head, the quota (or the reserve list when the organisers enabled it).
 */
export async function apply({ db, actor, input }: Args<ApplyInput>): Promise<ApplyResult> {
  try {
    return await inTransaction(db, async (tx) => {
      const edition = await currentEdition(tx);
      const session = await meetingSession(tx, edition);
      const registration = await tx.registration.findUnique({
        where: { editionId_userId: { editionId: edition.id, userId: actor.id } },
        select: registrationSelect,
      });
      const before = applicationEligibility({
        meetingOpen: session?.status === "PUBLISHED",
        registration,
        hasApplication: false,
      });
      if (!before.ok) throw meetingError(before.reason === "notOpen" ? "CONFLICT" : "FORBIDDEN", before.reason);
      const regionId = before.regionId;
      const regionName = registration?.region?.name ?? "";

      const row = await lockRegion(tx, edition.id, regionId);
      // The default quota and the reserve switch as they are under the lock, not as first read.
      const settings = await currentEdition(tx);
      const existing = await tx.meetingApplication.findUnique({
        where: { editionId_userId: { editionId: edition.id, userId: actor.id } },
        select: { id: true },
      });
      if (existing) throw meetingError("CONFLICT", "alreadyApplied");
      const quota = effectiveQuota(row, settings.meetingDefaultQuota);
      const decision = seatDecision({
        role: input.role,
        quota,
        active: await regionActive(tx, edition.id, regionId),
        reserveEnabled: settings.meetingReserveEnabled,
      });
      if (decision.outcome === "REFUSED")
        throw meetingError("CONFLICT", decision.reason, { region: regionName, quota });

      const created = await tx.meetingApplication.create({
        data: {
          editionId: edition.id,
          userId: actor.id,
          regionId,
          authorityName: input.authorityName,
          position: input.position,
          role: input.role,
          topic: input.topic ?? null,
          question: input.question ?? null,
          status: decision.outcome,
        },
        select: { id: true, createdAt: true },
      });
      const event =
        decision.outcome === "SUBMITTED"
          ? ({ kind: "meeting.submitted", role: input.role } as const)
          : ({
              kind: "meeting.reserve",
              position: await tx.meetingApplication.count({
                where: { editionId: edition.id, regionId, status: "RESERVE", createdAt: { lte: created.createdAt } },
              }),
            } as const);
      await enqueueMeetingMail(tx, { editionId: edition.id, userId: actor.id, regionId, event });
      return { id: created.id, status: decision.outcome, regionName };
    });
  } catch (error) {
    // The same person applying twice at once: the unique index refuses the second one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw meetingError("CONFLICT", "alreadyApplied");
    }
    throw error;
  }
}

/** Withdraws the person's own application; a seat it held goes to the region's reserve. */
export async function withdraw({ db, actor }: { db: Db; actor: SessionUser }): Promise<{ id: string }> {
  return inTransaction(db, (tx) => withdrawIn(tx, actor));
}

/**
 * Inside the caller's transaction: withdraws the person's application, if they have one that
 * can still be withdrawn, because their registration ends (cancelled or account deleted).
 */
export async function withdrawOnRegistrationEnd(tx: Tx, actor: SessionUser): Promise<void> {
  const edition = await currentEdition(tx).catch(() => null);
  if (!edition) return;
  const app = await tx.meetingApplication.findUnique({
    where: { editionId_userId: { editionId: edition.id, userId: actor.id } },
    select: { status: true },
  });
  if (app && WITHDRAWABLE.includes(app.status)) await withdrawIn(tx, actor);
}

async function withdrawIn(tx: Tx, actor: SessionUser): Promise<{ id: string }> {
  {
    const edition = await currentEdition(tx);
    const app = await tx.meetingApplication.findUnique({
      where: { editionId_userId: { editionId: edition.id, userId: actor.id } },
      select: { id: true, regionId: true },
    });
    if (!app) throw meetingError("NOT_FOUND", "noApplication");
    const row = await lockRegion(tx, edition.id, app.regionId);
    const current = await tx.meetingApplication.findUniqueOrThrow({ where: { id: app.id }, select: { status: true } });
    if (!WITHDRAWABLE.includes(current.status)) {
      throw meetingError("CONFLICT", "notWithdrawable", { status: statusLabel(current.status) });
    }
    await tx.meetingApplication.update({
      where: { id: app.id },
      data: { status: "WITHDRAWN", withdrawnAt: new Date(), substituteUserId: null, substituteNote: null },
    });
    await recordAudit(tx, {
      actor,
      action: "application.withdraw",
      entity: "MeetingApplication",
      entityId: app.id,
      before: { status: current.status },
      after: { status: "WITHDRAWN" },
    });
    if (isActive(current.status)) {
      await fillFromReserve(tx, { edition, regionId: app.regionId, regionQuota: row, actor });
    }
    return { id: app.id };
  }
}
