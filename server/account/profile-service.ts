/** The participant's own data: view, edit, email change, export, cancel, delete. */
import { forgetCachedSessions } from "~/server/auth/session-cache";
import { changeEmailMail } from "~/server/account/mail";
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
import { releaseUserSeats } from "~/server/account/release";
import { revokeTicketsOfUser } from "~/server/tickets/service";
import { cancelRegistrationsCounted, lockUser } from "~/server/db/locks";
import { inTransaction } from "~/server/db/transaction";

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
export async function getAccount({ db, user }: Deps & { user: SessionUser }) {
  const account = await db.user.findUnique({
    where: { id: user.id },
    select: { email: true, role: true, emailVerified: true, createdAt: true, passwordHash: true },
  });
  if (!account) throw new AppError("UNAUTHORIZED", "Войдите на сайт, чтобы продолжить.");
  const registration = await db.registration.findFirst({
    where: { userId: user.id },
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
  if (!registration) throw new AppError("NOT_FOUND", "У вас нет действующей регистрации на форум.");
  return registration;
}

export async function updateProfile({ db, user, input }: Deps & { user: SessionUser; input: ProfileFields }) {
  await inTransaction(db, async (tx) => {
    const registration = await activeRegistration(tx, user.id);
    await tx.registration.update({
      where: { id: registration.id },
      data: profileData(input),
    });
    await tx.user.update({ where: { id: user.id }, data: { name: `${input.firstName} ${input.surname}` } });
  });
}

/** Sends a confirmation link to the new address; nothing changes until it is followed. */
export async function requestEmailChange({
  db,
  user,
  newEmail,
  ip,
}: Deps & { user: SessionUser; newEmail: string; ip: string | null }) {
  await assertRateLimits({
    db,
    checks: [
      { key: `email-change:user:${user.id}`, limit: 5, windowSeconds: 3600 },
      { key: `email-change:ip:${ip ?? "unknown"}`, limit: 20, windowSeconds: 3600 },
    ],
  });
  if (newEmail === user.email) throw new AppError("BAD_REQUEST", "Это и так ваш текущий адрес.");
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  // Same answer as success: the form must not reveal who else has an account.
  if (taken) return;
  await inTransaction(db, async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: "CHANGE_EMAIL", newEmail });
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
    if (!owner?.newEmail) throw new AppError("BAD_REQUEST", "Ссылка недействительна или устарела. Запросите новую.");
    const taken = await tx.user.findUnique({ where: { email: owner.newEmail }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "Этот адрес уже используется другой учётной записью.");
    await tx.user.update({ where: { id: owner.userId }, data: { email: owner.newEmail, emailVerified: now } });
    await tx.registration.updateMany({ where: { userId: owner.userId }, data: { email: owner.newEmail } });
    return { email: owner.newEmail };
  });
  forgetCachedSessions();
  return changed;
}

/** Everything the platform keeps about the person (152-FZ: the subject's right of access). */
export async function exportMyData({ db, user }: Deps & { user: SessionUser }) {
  const data = await db.user.findUnique({
    where: { id: user.id },
    select: {
      email: true,
      role: true,
      emailVerified: true,
      createdAt: true,
      registrations: { select: registrationSelect },
      bookings: { select: { createdAt: true, session: { select: { title: true, startsAt: true } } } },
      waitlist: { select: { createdAt: true, session: { select: { title: true, startsAt: true } } } },
      favourites: { select: { createdAt: true, session: { select: { title: true, startsAt: true } } } },
    },
  });
  if (!data) throw new AppError("UNAUTHORIZED", "Войдите на сайт, чтобы продолжить.");
  return { exportedAt: new Date().toISOString(), ...data };
}

/**
 * Cancels the registration: seats and waitlist places are released, the count goes down. The
 * person's row is locked first (the lock order of server/db/locks.ts); the counter moves in the
 * statement that ends the registration, so concurrent cancels take it down once.
 */
export async function cancelRegistration({ db, user, now = new Date() }: Deps & { user: SessionUser }) {
  await inTransaction(db, async (tx) => {
    await lockUser(tx, user.id);
    if ((await cancelRegistrationsCounted(tx, user.id, now)) === 0) {
      throw new AppError("NOT_FOUND", "У вас нет действующей регистрации на форум.");
    }
    await revokeTicketsOfUser(tx, user.id, now);
    await releaseUserSeats({ tx, user });
  });
}

/**
 * Deletes the account: personal data is erased (the registration row stays, anonymised and
 * cancelled, so that counts and history stay correct), seats are released, sessions end.
 */
export async function deleteAccount({
  db,
  user,
  confirmEmail,
  now = new Date(),
}: Deps & { user: SessionUser; confirmEmail: string }) {
  if (confirmEmail !== user.email) {
    throw new AppError("BAD_REQUEST", "Введите адрес своей учётной записи, чтобы подтвердить удаление.");
  }
  await inTransaction(db, async (tx) => {
    await lockUser(tx, user.id);
    await cancelRegistrationsCounted(tx, user.id, now);
    await revokeTicketsOfUser(tx, user.id, now);
    await releaseUserSeats({ tx, user });
    const anonymous = `deleted-${user.id}@deleted.invalid`;
    await tx.registration.updateMany({
      where: { userId: user.id },
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        anonymisedAt: now,
        email: anonymous,
        surname: "Удалено",
        firstName: "Удалено",
        patronymic: null,
        phone: "",
        organisation: "",
        position: "",
        cluster: null,
      },
    });
    await tx.authToken.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
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
