import "server-only";
import { forbidden, redirect } from "next/navigation";
import { hasRole, type SessionUser } from "~/server/auth/roles";
import { getSessionUser } from "~/server/auth/session";
import type { UserRole } from "~/server/generated/prisma/enums";

/**
 * For pages: the signed-in person with at least this role. Guests go to the sign-in page
 * (and come back), people without the role get the 403 page.
 */
export async function requirePageRole(role: UserRole, returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}
