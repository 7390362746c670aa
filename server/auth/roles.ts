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

const rank: Record<UserRole, number> = { PARTICIPANT: 0, ORGANISER: 1, ADMIN: 2 };

/** Admins can do what organisers can; organisers what participants can. */
export function hasRole(user: Pick<SessionUser, "role"> | null | undefined, required: UserRole): boolean {
  return Boolean(user) && rank[user!.role] >= rank[required];
}
