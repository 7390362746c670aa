import { describe, expect, it } from "vitest";
import type { ApplicationStatus, FederalDistrict } from "~/server/generated/prisma/enums";
import {
  applicationEligibility,
  canSeeMeetingDetails,
  countActive,
  effectiveQuota,
  fitsQuota,
  promotionsFromReserve,
  QUOTA_FOLLOWS_DEFAULT,
  rollCallState,
  seatDecision,
  substituteProposalRefusal,
  summariseRollCall,
} from "~/server/meeting/rules";

describe("applicationEligibility", () => {
  const reg = { status: "CONFIRMED", category: "REGIONAL_AUTHORITY", regionId: 40 } as const;
  const check = (over: Partial<Parameters<typeof applicationEligibility>[0]> = {}) =>
    applicationEligibility({ meetingOpen: true, registration: reg, hasApplication: false, ...over });

  it("lets a confirmed regional authority apply for the region of their registration", () => {
    expect(check()).toEqual({ ok: true, regionId: 40 });
  });

  it("refuses when the meeting is not open, whoever asks", () => {
    expect(check({ meetingOpen: false })).toEqual({ ok: false, reason: "notOpen" });
  });

  it("refuses people without a live registration, then unconfirmed ones", () => {
    expect(check({ registration: null })).toEqual({ ok: false, reason: "noRegistration" });
    expect(check({ registration: { ...reg, status: "CANCELLED" } })).toEqual({ ok: false, reason: "noRegistration" });
    expect(check({ registration: { ...reg, status: "PENDING" } })).toEqual({ ok: false, reason: "pending" });
  });

  it("refuses every other category", () => {
    for (const category of [
      "COLLEGE_LEADERSHIP",
      "TEACHER",
      "STUDENT",
      "EMPLOYER",
      "EXPERT",
      "MEDIA",
      "OTHER",
    ] as const) {
      expect(check({ registration: { ...reg, category } })).toEqual({ ok: false, reason: "category" });
    }
  });

  it("needs a region in the registration and refuses a second application", () => {
    expect(check({ registration: { ...reg, regionId: null } })).toEqual({ ok: false, reason: "noRegion" });
    expect(check({ hasApplication: true })).toEqual({ ok: false, reason: "alreadyApplied" });
  });

  it("reports the first problem a person has to fix", () => {
    expect(
      check({ registration: { status: "PENDING", category: "TEACHER", regionId: null }, hasApplication: true }),
    ).toEqual({
      ok: false,
      reason: "pending",
    });
  });
});

describe("quota and reserve", () => {
  it("follows the default unless the region has its own quota", () => {
    expect(effectiveQuota(null, 2)).toBe(2);
    expect(effectiveQuota({ quota: QUOTA_FOLLOWS_DEFAULT }, 3)).toBe(3);
    expect(effectiveQuota({ quota: 5 }, 2)).toBe(5);
  });

  it("counts only submitted and accredited applications, by role", () => {
    const apps: { role: "HEAD" | "MEMBER"; status: ApplicationStatus }[] = [
      { role: "HEAD", status: "ACCREDITED" },
      { role: "MEMBER", status: "SUBMITTED" },
      { role: "MEMBER", status: "RESERVE" },
      { role: "MEMBER", status: "DECLINED" },
      { role: "HEAD", status: "WITHDRAWN" },
    ];
    expect(countActive(apps)).toEqual({ heads: 1, members: 1 });
  });

  it("keeps one seat of the quota for the head of the delegation", () => {
    expect(fitsQuota("MEMBER", 2, { heads: 0, members: 0 })).toBe(true);
    expect(fitsQuota("MEMBER", 2, { heads: 0, members: 1 })).toBe(false);
    expect(fitsQuota("HEAD", 2, { heads: 0, members: 1 })).toBe(true);
    expect(fitsQuota("HEAD", 2, { heads: 1, members: 0 })).toBe(false);
    expect(fitsQuota("MEMBER", 2, { heads: 1, members: 0 })).toBe(true);
    expect(fitsQuota("MEMBER", 2, { heads: 1, members: 1 })).toBe(false);
    expect(fitsQuota("MEMBER", 1, { heads: 0, members: 0 })).toBe(false);
    expect(fitsQuota("HEAD", 1, { heads: 0, members: 0 })).toBe(true);
    // A quota lowered below the people already in: nobody else fits, the head neither.
    expect(fitsQuota("HEAD", 2, { heads: 0, members: 3 })).toBe(false);
  });

  it("decides: a seat, a refusal with its reason, or the reserve when enabled", () => {
    const d = (role: "HEAD" | "MEMBER", heads: number, members: number, reserveEnabled = false, quota = 2) =>
      seatDecision({ role, quota, active: { heads, members }, reserveEnabled });
    expect(d("HEAD", 0, 0)).toEqual({ outcome: "SUBMITTED" });
    expect(d("MEMBER", 1, 0)).toEqual({ outcome: "SUBMITTED" });
    expect(d("HEAD", 1, 0)).toEqual({ outcome: "REFUSED", reason: "headTaken" });
    expect(d("HEAD", 1, 0, true)).toEqual({ outcome: "REFUSED", reason: "headTaken" });
    expect(d("MEMBER", 1, 1)).toEqual({ outcome: "REFUSED", reason: "quotaFull" });
    expect(d("MEMBER", 0, 1)).toEqual({ outcome: "REFUSED", reason: "memberSeatsFull" });
    expect(d("MEMBER", 1, 1, true)).toEqual({ outcome: "RESERVE" });
    expect(d("MEMBER", 0, 1, true)).toEqual({ outcome: "RESERVE" });
    expect(d("MEMBER", 1, 3, false, 5)).toEqual({ outcome: "SUBMITTED" });
  });

  it("moves up from the reserve in arrival order, as many as fit, passing over who cannot fit", () => {
    const reserve = [
      { id: "m1", role: "MEMBER" as const },
      { id: "m2", role: "MEMBER" as const },
      { id: "h1", role: "HEAD" as const },
      { id: "m3", role: "MEMBER" as const },
    ];
    expect(promotionsFromReserve(reserve, 2, { heads: 1, members: 0 }).map((r) => r.id)).toEqual(["m1"]);
    expect(promotionsFromReserve(reserve, 2, { heads: 0, members: 1 }).map((r) => r.id)).toEqual(["h1"]);
    expect(promotionsFromReserve(reserve, 4, { heads: 0, members: 0 }).map((r) => r.id)).toEqual([
      "m1",
      "m2",
      "h1",
      "m3",
    ]);
    expect(promotionsFromReserve(reserve, 2, { heads: 1, members: 1 })).toEqual([]);
    expect(promotionsFromReserve([], 2, { heads: 0, members: 0 })).toEqual([]);
  });
});

describe("substituteProposalRefusal", () => {
  const head = { role: "HEAD", status: "ACCREDITED", regionId: 1 } as const;
  const member = { id: "m", role: "MEMBER", status: "ACCREDITED", regionId: 1, substituteUserId: null } as const;
  const substitute = { registrationStatus: "CONFIRMED", hasApplication: false } as const;
  const r = (over: Partial<Parameters<typeof substituteProposalRefusal>[0]>) =>
    substituteProposalRefusal({ head, member, substitute, ...over });

  it("lets an active head replace an active member of the region with a confirmed participant", () => {
    expect(r({})).toBeNull();
    expect(r({ member: { ...member, status: "SUBMITTED" } })).toBeNull();
  });

  it("refuses anyone but an active head, and anyone but an active member of the region", () => {
    expect(r({ head: { ...head, role: "MEMBER" } })).toBe("notHead");
    expect(r({ head: { ...head, status: "RESERVE" } })).toBe("notHead");
    expect(r({ member: { ...member, role: "HEAD" } })).toBe("notMember");
    expect(r({ member: { ...member, regionId: 2 } })).toBe("otherRegion");
    expect(r({ member: { ...member, status: "WITHDRAWN" } })).toBe("memberInactive");
    expect(r({ member: { ...member, substituteUserId: "u" } })).toBe("alreadyProposed");
  });

  it("needs a confirmed participant without an application of their own", () => {
    expect(r({ substitute: { registrationStatus: null, hasApplication: false } })).toBe("noSubstitute");
    expect(r({ substitute: { registrationStatus: "CANCELLED", hasApplication: false } })).toBe("noSubstitute");
    expect(r({ substitute: { registrationStatus: "PENDING", hasApplication: false } })).toBe("substitutePending");
    expect(r({ substitute: { registrationStatus: "CONFIRMED", hasApplication: true } })).toBe("substituteApplied");
  });
});

describe("canSeeMeetingDetails", () => {
  const see = (
    userRole: "PARTICIPANT" | "ORGANISER" | "ADMIN" | null,
    applicationStatus: ApplicationStatus | null,
    registrationStatus: "PENDING" | "CONFIRMED" | "CANCELLED" | null = "CONFIRMED",
  ) => canSeeMeetingDetails({ userRole, applicationStatus, registrationStatus });

  it("shows time, room and materials to accredited delegates and organisers only", () => {
    expect(see("PARTICIPANT", "ACCREDITED")).toBe(true);
    expect(see("ORGANISER", null, null)).toBe(true);
    expect(see("ADMIN", null, null)).toBe(true);
    for (const s of ["SUBMITTED", "RESERVE", "DECLINED", "WITHDRAWN"] as const) {
      expect(see("PARTICIPANT", s)).toBe(false);
    }
    expect(see("PARTICIPANT", null)).toBe(false);
    expect(see(null, null, null)).toBe(false);
  });

  it("stops showing them when the delegate's registration is cancelled", () => {
    expect(see("PARTICIPANT", "ACCREDITED", "CANCELLED")).toBe(false);
    expect(see("PARTICIPANT", "ACCREDITED", null)).toBe(false);
  });
});

describe("roll-call", () => {
  it("gives each region one state from its applications", () => {
    expect(rollCallState([])).toBe("NONE");
    expect(rollCallState(["WITHDRAWN"])).toBe("NONE");
    expect(rollCallState(["DECLINED", "WITHDRAWN"])).toBe("DECLINED");
    expect(rollCallState(["DECLINED", "SUBMITTED"])).toBe("APPLIED");
    expect(rollCallState(["RESERVE"])).toBe("APPLIED");
    expect(rollCallState(["SUBMITTED", "ACCREDITED", "DECLINED"])).toBe("ACCREDITED");
  });

  it("counts regions by state and accredited delegates, per district and in total", () => {
    const row = (
      federalDistrict: FederalDistrict,
      state: ReturnType<typeof rollCallState>,
      accreditedDelegates = 0,
    ) => ({
      federalDistrict,
      state,
      accreditedDelegates,
    });
    const { byDistrict, total } = summariseRollCall([
      row("CENTRAL", "ACCREDITED", 2),
      row("CENTRAL", "APPLIED"),
      row("CENTRAL", "NONE"),
      row("URAL", "DECLINED"),
      row("URAL", "ACCREDITED", 1),
    ]);
    expect(byDistrict.CENTRAL).toEqual({
      NONE: 1,
      APPLIED: 1,
      ACCREDITED: 1,
      DECLINED: 0,
      regions: 3,
      accreditedDelegates: 2,
    });
    expect(byDistrict.URAL).toEqual({
      NONE: 0,
      APPLIED: 0,
      ACCREDITED: 1,
      DECLINED: 1,
      regions: 2,
      accreditedDelegates: 1,
    });
    expect(byDistrict.SIBERIAN.regions).toBe(0);
    expect(total).toEqual({ NONE: 1, APPLIED: 1, ACCREDITED: 2, DECLINED: 1, regions: 5, accreditedDelegates: 3 });
  });
});
