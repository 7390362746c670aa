/**
 * Rules of the August meeting that need no database: who may apply, whether an application
 * fits its region's quota (or queues in reserve), who leaves the reserve when a seat frees up,
 * what a region's roll-call state is, who may see the meeting's room, time and materials.
 * The service applies them under the region's row lock; these functions only decide.
 */
import type {
  ApplicationStatus,
  DelegateRole,
  FederalDistrict,
  MeetingTopic,
  ParticipantCategory,
  RegistrationStatus,
  UserRole,
} from "~/server/generated/prisma/enums";

export const MEETING_TOPICS = [
  "LABOUR_MARKET",
  "CONTENT_QUALITY",
  "CAREER_GUIDANCE",
  "PARTNERSHIP",
] as const satisfies readonly MeetingTopic[];
export const DELEGATE_ROLES = ["HEAD", "MEMBER"] as const satisfies readonly DelegateRole[];
export const APPLICATION_STATUSES = [
  "SUBMITTED",
  "RESERVE",
  "ACCREDITED",
  "DECLINED",
  "WITHDRAWN",
] as const satisfies readonly ApplicationStatus[];
/** In the order the roll-call lists them (west to east, as the official list does). */
export const FEDERAL_DISTRICTS = [
  "CENTRAL",
  "NORTHWESTERN",
  "SOUTHERN",
  "NORTH_CAUCASIAN",
  "VOLGA",
  "URAL",
  "SIBERIAN",
  "FAR_EASTERN",
] as const satisfies readonly FederalDistrict[];

/** Applications that hold a seat of the region's quota. RESERVE waits outside it. */
export const ACTIVE_STATUSES = ["SUBMITTED", "ACCREDITED"] as const satisfies readonly ApplicationStatus[];
export const isActive = (status: ApplicationStatus): boolean => status === "SUBMITTED" || status === "ACCREDITED";

/** The category that may apply: heads and staff of the regions' education authorities. */
export const ELIGIBLE_CATEGORY: ParticipantCategory = "REGIONAL_AUTHORITY";

/**
 * A RegionQuota row with this value holds no quota of its own: it exists as the region's lock
 * (created by the first application) and the region follows the edition's default quota.
 * The schema has no nullable quota or override flag, and a lock row created with the default's
 * value would silently stop following later changes of the default.
 */
export const QUOTA_FOLLOWS_DEFAULT = -1;
export const QUOTA_MIN = 1;
export const QUOTA_MAX = 50;
/** Longest question or proposal to the agenda, in characters. */
export const QUESTION_MAX = 2000;

export function effectiveQuota(row: { quota: number } | null | undefined, defaultQuota: number): number {
  return row && row.quota >= 0 ? row.quota : defaultQuota;
}

export type Ineligibility = "notOpen" | "noRegistration" | "pending" | "category" | "noRegion" | "alreadyApplied";

export type Eligibility = { ok: true; regionId: number } | { ok: false; reason: Ineligibility };

/**
 * Whether a person may apply. The region is the one in their registration: the delegation
 * speaks for the authority of the region the person registered from, and a chosen region would
 * let anyone fill another region's quota (the region is changed in the profile, before applying).
 */
export function applicationEligibility(p: {
  meetingOpen: boolean;
  registration: { status: RegistrationStatus; category: ParticipantCategory; regionId: number | null } | null;
  hasApplication: boolean;
}): Eligibility {
  if (!p.meetingOpen) return { ok: false, reason: "notOpen" };
  const reg = p.registration;
  if (!reg || reg.status === "CANCELLED") return { ok: false, reason: "noRegistration" };
  if (reg.status !== "CONFIRMED") return { ok: false, reason: "pending" };
  if (reg.category !== ELIGIBLE_CATEGORY) return { ok: false, reason: "category" };
  if (reg.regionId === null) return { ok: false, reason: "noRegion" };
  if (p.hasApplication) return { ok: false, reason: "alreadyApplied" };
  return { ok: true, regionId: reg.regionId };
}

export type ActiveCount = { heads: number; members: number };

export function countActive(apps: readonly { role: DelegateRole; status: ApplicationStatus }[]): ActiveCount {
  let heads = 0;
  let members = 0;
  for (const a of apps) {
    if (!isActive(a.status)) continue;
    if (a.role === "HEAD") heads++;
    else members++;
  }
  return { heads, members };
}

/**
 * Whether one more active application of this role fits. A delegation is its head and members:
 * one seat of the quota is kept for the head (at most one), members take the other quota − 1,
 * so members who apply first can never lock the head of the delegation out.
 */
export function fitsQuota(role: DelegateRole, quota: number, active: ActiveCount): boolean {
  if (active.heads + active.members >= quota) return false;
  if (role === "HEAD") return active.heads === 0;
  return active.members < quota - 1;
}

export type SeatRefusal = "headTaken" | "quotaFull" | "memberSeatsFull";
export type SeatDecision =
  { outcome: "SUBMITTED" } | { outcome: "RESERVE" } | { outcome: "REFUSED"; reason: SeatRefusal };

/** A new application: a seat, a place in reserve (when the organisers enabled it), or a refusal. */
export function seatDecision(p: {
  role: DelegateRole;
  quota: number;
  active: ActiveCount;
  reserveEnabled: boolean;
}): SeatDecision {
  // Two heads are never right, reserve or not: the second one should apply as a member.
  if (p.role === "HEAD" && p.active.heads > 0) return { outcome: "REFUSED", reason: "headTaken" };
  if (fitsQuota(p.role, p.quota, p.active)) return { outcome: "SUBMITTED" };
  if (p.reserveEnabled) return { outcome: "RESERVE" };
  const full = p.active.heads + p.active.members >= p.quota;
  return { outcome: "REFUSED", reason: full ? "quotaFull" : "memberSeatsFull" };
}

/**
 * Who leaves the reserve, given the reserve in arrival order: each application that fits
 * (role and quota) takes a seat, in order; one that does not fit keeps its place (a member
 * waiting while only the head's seat is free is passed over by a head further down).
 */
export function promotionsFromReserve<T extends { id: string; role: DelegateRole }>(
  reserve: readonly T[],
  quota: number,
  active: ActiveCount,
): T[] {
  const count = { ...active };
  const out: T[] = [];
  for (const r of reserve) {
    if (!fitsQuota(r.role, quota, count)) continue;
    out.push(r);
    if (r.role === "HEAD") count.heads++;
    else count.members++;
  }
  return out;
}

export const WITHDRAWABLE: readonly ApplicationStatus[] = ["SUBMITTED", "RESERVE", "ACCREDITED"];
export const DECLINABLE: readonly ApplicationStatus[] = ["SUBMITTED", "RESERVE", "ACCREDITED"];
export const ACCREDITABLE: readonly ApplicationStatus[] = ["SUBMITTED"];

export type SubstituteRefusal =
  | "notHead"
  | "notMember"
  | "otherRegion"
  | "memberInactive"
  | "alreadyProposed"
  | "noSubstitute"
  | "substitutePending"
  | "substituteApplied";

/**
 * Whether the head of a delegation may propose `substitute` in place of `member`. The substitute
 * must be a confirmed participant of the forum with no application of their own (one
 * application per person); any category, since the head vouches and the organisers decide.
 */
export function substituteProposalRefusal(p: {
  head: { role: DelegateRole; status: ApplicationStatus; regionId: number };
  member: {
    id: string;
    role: DelegateRole;
    status: ApplicationStatus;
    regionId: number;
    substituteUserId: string | null;
  };
  substitute: { registrationStatus: RegistrationStatus | null; hasApplication: boolean };
}): SubstituteRefusal | null {
  if (p.head.role !== "HEAD" || !isActive(p.head.status)) return "notHead";
  if (p.member.role !== "MEMBER") return "notMember";
  if (p.member.regionId !== p.head.regionId) return "otherRegion";
  if (!isActive(p.member.status)) return "memberInactive";
  if (p.member.substituteUserId) return "alreadyProposed";
  if (!p.substitute.registrationStatus || p.substitute.registrationStatus === "CANCELLED") return "noSubstitute";
  if (p.substitute.registrationStatus !== "CONFIRMED") return "substitutePending";
  if (p.substitute.hasApplication) return "substituteApplied";
  return null;
}

/**
 * Who sees the meeting's time, room and materials: accredited delegates whose registration is
 * still confirmed, and the organisers who run it. Everyone else sees that the meeting exists,
 * its day and its agenda.
 */
export function canSeeMeetingDetails(p: {
  userRole: UserRole | null;
  applicationStatus: ApplicationStatus | null;
  registrationStatus: RegistrationStatus | null;
}): boolean {
  if (p.userRole && isStaffRole(p.userRole)) return true;
  return p.applicationStatus === "ACCREDITED" && p.registrationStatus === "CONFIRMED";
}

export const isStaffRole = (role: UserRole): boolean => role === "ORGANISER" || role === "ADMIN";

export type RollCallState = "NONE" | "APPLIED" | "ACCREDITED" | "DECLINED";
export const ROLL_CALL_STATES = [
  "ACCREDITED",
  "APPLIED",
  "DECLINED",
  "NONE",
] as const satisfies readonly RollCallState[];

/**
 * A region's state at the roll-call: accredited once anyone of its delegation is; applied while
 * an application waits (submitted or in reserve); declined when every application that is not
 * withdrawn was declined; no application otherwise (withdrawn ones do not count).
 */
export function rollCallState(statuses: readonly ApplicationStatus[]): RollCallState {
  if (statuses.includes("ACCREDITED")) return "ACCREDITED";
  if (statuses.includes("SUBMITTED") || statuses.includes("RESERVE")) return "APPLIED";
  if (statuses.includes("DECLINED")) return "DECLINED";
  return "NONE";
}

export type RollCallCounts = Record<RollCallState, number> & { regions: number; accreditedDelegates: number };

export const emptyCounts = (): RollCallCounts => ({
  NONE: 0,
  APPLIED: 0,
  ACCREDITED: 0,
  DECLINED: 0,
  regions: 0,
  accreditedDelegates: 0,
});

/** Counts of regions by state, and of accredited delegates, per district and in total. */
export function summariseRollCall(
  regions: readonly { federalDistrict: FederalDistrict; state: RollCallState; accreditedDelegates: number }[],
): { byDistrict: Record<FederalDistrict, RollCallCounts>; total: RollCallCounts } {
  const byDistrict = Object.fromEntries(FEDERAL_DISTRICTS.map((d) => [d, emptyCounts()])) as Record<
    FederalDistrict,
    RollCallCounts
  >;
  const total = emptyCounts();
  for (const r of regions) {
    for (const c of [byDistrict[r.federalDistrict], total]) {
      c[r.state]++;
      c.regions++;
      c.accreditedDelegates += r.accreditedDelegates;
    }
  }
  return { byDistrict, total };
}

/** «Фамилия Имя Отчество» from a registration. */
export function fullName(p: { surname: string; firstName: string; patronymic: string | null } | null | undefined) {
  if (!p) return "";
  return [p.surname, p.firstName, p.patronymic].filter(Boolean).join(" ");
}
