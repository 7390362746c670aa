/** Roles and what they may do. Pure: no database. */
import type { UserRole } from "~/server/generated/prisma/enums";

/**
 * `locale`: the language the person chose (null: none yet; the guest cookie or Russian applies);
 * `timeZone`: their own zone shown beside Moscow time (null: Moscow time only).
 */
export type SessionUser = {
  id: string;
  email: string;
  role: UserRole;
  locale?: string | null;
  timeZone?: string | null;
};

/** Who a session cookie says it is (authentic and unexpired), not yet checked against the User row. */
export type SessionClaim = { userId: string; sessionVersion: number };

/** Check-in staff are participants otherwise: the rank says nothing about the check-in desk. */
const rank: Record<UserRole, number> = { PARTICIPANT: 0, CHECKIN: 0, ORGANISER: 1, ADMIN: 2 };

/**
 * Admins can do what organisers can; organisers what participants can. CHECKIN is not in the
 * ladder: check-in staff and organisers (and admins) may work the doors, nobody else.
 */
export function hasRole(user: Pick<SessionUser, "role"> | null | undefined, required: UserRole): boolean {
  if (!user) return false;
  if (required === "CHECKIN") return user.role === "CHECKIN" || rank[user.role] >= rank.ORGANISER;
  return rank[user.role] >= rank[required];
}
