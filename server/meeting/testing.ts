/**
 * Shared set-up of the meeting's integration tests: an edition whose August meeting is a
 * closed session on 26 August in a named room, an organiser, and callers.
 */
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { renderPendingMail } from "~/server/booking/notify";
import type { Db } from "~/server/db/client";
import { createEdition, createRoom, createSession, uid } from "~/server/test/factories";

export const MEETING_ROOM = "Конгресс-холл «Августовский»";
export const MATERIALS = "Проект резолюции совещания и сборник региональных практик.";

export async function createMeetingEdition(db: Db) {
  const edition = await createEdition(db);
  const room = await createRoom(db, edition.id, { name: MEETING_ROOM, capacity: 300 });
  const session = await createSession(db, {
    editionId: edition.id,
    roomId: room.id,
    format: "MEETING",
    isClosed: true,
    day: "2025-08-26",
    start: "10:00",
    end: "14:00",
    title: "Августовское совещание (тест)",
  });
  await db.edition.update({
    where: { id: edition.id },
    data: { meetingSessionId: session.id, meetingMaterials: MATERIALS },
  });
  const organiser = await db.user.create({
    data: { email: `organiser-${uid()}@example.test`, role: "ORGANISER" },
    select: { id: true, email: true, role: true },
  });
  return { edition, session, organiser };
}

export const callerFor = (db: Db) => (user: SessionUser | null) => createCaller(createContextInner({ db, user }));

export async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
}

/** The messages to an address, rendered (booking mail is queued without text; see booking/notify). */
export const mailsTo = async (db: Db, to: string) => {
  await renderPendingMail({ db });
  return db.outboxMessage.findMany({
    where: { to },
    select: { kind: true, subject: true, text: true },
    orderBy: { createdAt: "asc" },
  });
};

export const auditFor = (db: Db, entityId: string) =>
  db.auditLog.findMany({
    where: { entityId },
    select: { action: true, actorEmail: true, before: true, after: true },
    orderBy: { createdAt: "asc" },
  });

export const application = { authorityName: "Министерство образования (тест)", position: "Министр" };
