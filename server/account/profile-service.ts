/** The participant's own data: view, edit, email change, export, cancel, delete. */
import { forgetCachedSessions } from "~/server/auth/session-cache";
import { changeEmailMail, emailChangedMail, registrationCancelledMail } from "~/server/account/mail";
import { profileData } from "~/server/account/rules";
import type { ProfileFields } from "~/server/account/schema";
import type { SessionUser } from "~/server/auth/roles";
import { consumeToken, issueToken } from "~/server/auth/tokens";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { enqueueMail } from "~/server/mail/outbox";
import { assertRateLimits } from "~/server/security/rate-limit";
import { releaseUserSeats, type ReleasedPlaces } from "~/server/account/release";
import { revokeTicketsOfUser } from "~/server/tickets/service";
import { cancelRegistrationsCounted, lockUser } from "~/server/db/locks";
import { inTransaction } from "~/server/db/transaction";
import { accountErrorsT, apiErrorsT } from "~/server/i18n/server-messages";
import { forumTimeZone } from "~/server/i18n/config";
import type { Tx } from "~/server/db/transaction";
import ruServer from "~/server/i18n/messages/ru/server.json";

type Deps = { db: Db; now?: Date };

const registrationSelect = {
  id: true,
  status: true,
  email: true,
  surname: true,
  firstName: true,
  patronymic: true,
  phone: true,
  regionId: true,
  region: { select: { name: true } },
  organisation: true,
  position: true,
  category: true,
  cluster: true,
  consentVersion: true,
  consentAt: true,
  confirmedAt: true,
  cancelledAt: true,
  createdAt: true,
  edition: { select: { name: true, startsAt: true } },
} satisfies Prisma.RegistrationSelect;

/** The signed-in person's account and their registration for the current edition. */
export async function getAccount({ db, actor }: Deps & { actor: SessionUser }) {
  const account = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, role: true, emailVerified: true, createdAt: true, passwordHash: true },
  });
  if (!account) throw new AppError("UNAUTHORIZED", apiErrorsT("signIn"));
  const registration = await db.registration.findFirst({
    where: { userId: actor.id },
    orderBy: { edition: { startsAt: "desc" } },
    select: registrationSelect,
  });
  const { passwordHash, ...rest } = account;
  return { account: { ...rest, hasPassword: Boolean(passwordHash) }, registration };
}

async function activeRegistration(db: Db | Prisma.TransactionClient, userId: string) {
  const registration = await db.registration.findFirst({
    where: { userId, status: { not: "CANCELLED" } },
    orderBy: { edition: { startsAt: "desc" } },
    select: { id: true, editionId: true, status: true },
  });
  if (!registration) throw new AppError("NOT_FOUND", accountErrorsT("noRegistration"));
  return registration;
}

export async function updateProfile({ db, actor, input }: Deps & { actor: SessionUser; input: ProfileFields }) {
  await inTransaction(db, async (tx) => {
    const registration = await activeRegistration(tx, actor.id);
    await tx.registration.update({
      where: { id: registration.id },
      data: profileData(input),
    });
    await tx.user.update({ where: { id: actor.id }, data: { name: `${input.firstName} ${input.surname}` } });
  });
}

/** Sends a confirmation link to the new address; nothing changes until it is followed. */
export async function requestEmailChange({
  db,
  actor,
  newEmail,
  ip,
}: Deps & { actor: SessionUser; newEmail: string; ip: string | null }) {
  await assertRateLimits({
    db,
    checks: [
      { key: `email-change:user:${actor.id}`, limit: 5, windowSeconds: 3600 },
      { key: `email-change:ip:${ip ?? "unknown"}`, limit: 20, windowSeconds: 3600 },
    ],
  });
  if (newEmail === actor.email) throw new AppError("BAD_REQUEST", accountErrorsT("sameEmail"));
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  // Same answer as success: the form must not reveal who else has an account.
  if (taken) return;
  await inTransaction(db, async (tx) => {
    const token = await issueToken(tx, { userId: actor.id, purpose: "CHANGE_EMAIL", newEmail });
    await enqueueMail(tx, {
      kind: "account.change-email",
      to: newEmail,
      ...changeEmailMail({ appUrl: env.APP_URL, token, newEmail }),
    });
  });
}

export async function confirmEmailChange({ db, token, now = new Date() }: Deps & { token: string }) {
  const changed = await inTransaction(db, async (tx) => {
    const owner = await consumeToken(tx, { token, purpose: "CHANGE_EMAIL", now });
    if (!owner?.newEmail) throw new AppError("BAD_REQUEST", accountErrorsT("invalidLink"));
    const taken = await tx.user.findUnique({ where: { email: owner.newEmail }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", accountErrorsT("emailTaken"));
    const before = await recipient(tx, owner.userId);
    await tx.user.update({ where: { id: owner.userId }, data: { email: owner.newEmail, emailVerified: now } });
    await tx.registration.updateMany({ where: { userId: owner.userId }, data: { email: owner.newEmail } });
    // The old address hears of it: if someone else made the change, its owner still learns.
    if (before) {
      await enqueueMail(tx, {
        kind: "account.email-changed",
        to: before.email,
        ...emailChangedMail({
          appUrl: env.APP_URL,
          locale: before.locale,
          person: before.person,
          newEmail: owner.newEmail,
          at: now,
          timeZone: before.timeZone,
        }),
      });
    }
    return { email: owner.newEmail };
  });
  forgetCachedSessions();
  return changed;
}

/** Everything the platform keeps about the person (152-FZ: the subject's right of access). */
export async function exportMyData({ db, actor }: Deps & { actor: SessionUser }) {
  const data = await db.user.findUnique({
    where: { id: actor.id },
    select: {
      email: true,
      role: true,
      emailVerified: true,
      createdAt: true,
      registrations: {
        select: {
          ...registrationSelect,
          // Answers to the organisers' questions, with the question as it reads now.
          answers: { select: { value: true, updatedAt: true, question: { select: { label: true, kind: true } } } },
        },
      },
      bookings: { select: { createdAt: true, session: { select: { title: true, startsAt: true } } } },
      waitlist: { select: { createdAt: true, session: { select: { title: true, startsAt: true } } } },
      favourites: { select: { createdAt: true, session: { select: { title: true, startsAt: true } } } },
    },
  });
  if (!data) throw new AppError("UNAUTHORIZED", apiErrorsT("signIn"));
  return { exportedAt: new Date().toISOString(), ...data };
}

/**
 * Cancels the registration: seats and waitlist places are released, the count goes down. The
 * person's row is locked first (the lock order of server/db/locks.ts); the counter moves in the
 * statement that ends the registration, so concurrent cancels take it down once.
 */
export async function cancelRegistration({ db, actor, now = new Date() }: Deps & { actor: SessionUser }) {
  await inTransaction(db, async (tx) => {
    await lockUser(tx, actor.id);
    if ((await cancelRegistrationsCounted(tx, actor.id, now)) === 0) {
      throw new AppError("NOT_FOUND", accountErrorsT("noRegistration"));
    }
    await revokeTicketsOfUser(tx, actor.id, now);
    const released = await releaseUserSeats({ tx, actor });
    await mailRegistrationCancelled(tx, actor.id, released);
  });
}

/** Who a mail about the account goes to: the address, language, name and the forum's time zone. */
async function recipient(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, locale: true } });
  if (!user) return null;
  const registration = await tx.registration.findFirst({
    where: { userId },
    orderBy: { edition: { startsAt: "desc" } },
    select: { firstName: true, patronymic: true, anonymisedAt: true, edition: { select: { timeZone: true } } },
  });
  const person =
    registration && !registration.anonymisedAt
      ? { firstName: registration.firstName, patronymic: registration.patronymic }
      : { firstName: null, patronymic: null };
  return { ...user, person, timeZone: registration?.edition.timeZone ?? forumTimeZone };
}

/** The list of what the cancellation freed, in the person's language, in the cancelling transaction. */
async function mailRegistrationCancelled(tx: Tx, userId: string, released: ReleasedPlaces) {
  const to = await recipient(tx, userId);
  if (!to) return;
  await enqueueMail(tx, {
    kind: "account.registration-cancelled",
    to: to.email,
    ...registrationCancelledMail({
      appUrl: env.APP_URL,
      locale: to.locale,
      person: to.person,
      timeZone: to.timeZone,
      seats: released.seats,
      waitlist: released.waitlist,
    }),
  });
}

/**
 * Deletes the account: personal data is erased (the registration row stays, anonymised and
 * cancelled, so that counts and history stay correct), seats are released, sessions end.
 */
export async function deleteAccount({
  db,
  actor,
  confirmEmail,
  now = new Date(),
}: Deps & { actor: SessionUser; confirmEmail: string }) {
  if (confirmEmail !== actor.email) {
    throw new AppError("BAD_REQUEST", accountErrorsT("confirmDelete"));
  }
  await inTransaction(db, async (tx) => {
    await lockUser(tx, actor.id);
    await cancelRegistrationsCounted(tx, actor.id, now);
    await revokeTicketsOfUser(tx, actor.id, now);
    await releaseUserSeats({ tx, actor });
    const anonymous = `deleted-${actor.id}@deleted.invalid`;
    await tx.registration.updateMany({
      where: { userId: actor.id },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        anonymisedAt: now,
        email: anonymous,
        // Stored data, in the forum's language whoever deletes: exports and rolls show it.
        surname: ruServer.exportTables.deleted,
        firstName: ruServer.exportTables.deleted,
        patronymic: null,
        phone: "",
        organisation: "",
        position: "",
        cluster: null,
      },
    });
    await tx.authToken.deleteMany({ where: { userId: actor.id } });
    await tx.user.update({
      where: { id: actor.id },
      data: {
        email: anonymous,
        name: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        calendarToken: null,
        role: "PARTICIPANT",
        sessionVersion: { increment: 1 },
      },
    });
  });
  forgetCachedSessions();
}
