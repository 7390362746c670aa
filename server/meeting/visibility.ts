/**
 * The one place that decides whether a viewer may see the closed August meeting's hours and room:
 * organisers, and accredited delegates whose registration is confirmed (server/meeting/rules.ts
 * canSeeMeetingDetails). Every surface that shows a session asks here — the programme, session and
 * speaker pages, alternatives, the personal calendar — and hides them from everyone else.
 */
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { canSeeMeetingDetails } from "~/server/meeting/rules";

export async function seesMeetingDetails({
  db,
  actor,
  editionId,
}: {
  db: Db;
  actor: Pick<SessionUser, "id" | "role"> | null;
  editionId: string;
}): Promise<boolean> {
  if (!actor) return false;
  if (canSeeMeetingDetails({ userRole: actor.role, applicationStatus: null, registrationStatus: null })) return true;
  const [registration, application] = await Promise.all([
    db.registration.findUnique({
      where: { editionId_userId: { editionId, userId: actor.id } },
      select: { status: true },
    }),
    db.meetingApplication.findUnique({
      where: { editionId_userId: { editionId, userId: actor.id } },
      select: { status: true },
    }),
  ]);
  return canSeeMeetingDetails({
    userRole: actor.role,
    applicationStatus: application?.status ?? null,
    registrationStatus: registration?.status ?? null,
  });
}
