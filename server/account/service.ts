/**
 * Registration and account flows. Every multi-step write is one transaction; the
 * registration cap and "one registration per email per edition" are enforced by the
 * database (conditional counter update, unique constraints), not by reads in JS.
 */
import { forgetCachedSessions } from "~/server/auth/session-cache";
import { inTransaction } from "~/server/db/transaction";
import { CONSENT_VERSION, profileData, registrationWindow, type WindowState } from "~/server/account/rules";
import {
  alreadyRegisteredMail,
  confirmRegistrationMail,
  passwordChangedMail,
  resetPasswordMail,
  signInLinkMail,
} from "~/server/account/mail";
import type { RegistrationInput } from "~/server/account/schema";
import { PASSWORD_CONTAINS_EMAIL, containsEmail } from "~/server/account/password-policy";
import { hashPassword, verifyPassword } from "~/server/auth/password";
import { createHash, randomBytes } from "node:crypto";
import type { SessionUser } from "~/server/auth/roles";
import { consumeToken, issueToken, usedTokenOwner } from "~/server/auth/tokens";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { parseAnswers, saveAnswers } from "~/server/questions/service";
import { AppError } from "~/server/errors";
import { Prisma } from "~/server/generated/prisma/client";
import { enqueueMail } from "~/server/mail/outbox";
import { assertRateLimits, forgiveRateLimitHit } from "~/server/security/rate-limit";
import { findCurrentEdition } from "~/server/edition/current";
import { accountErrorsT, validationText } from "~/server/i18n/server-messages";
import { currentLocale } from "~/server/i18n/translate";
import { issueTicketsOnConfirm } from "~/server/tickets/service";

type Deps = { db: Db; now?: Date };

/**
 * Per-address limits are generous on purpose: the forum's participants share the venue's
 * Wi-Fi (one public address for hundreds of people). Guessing is stopped by the per-email
 * limits, which are strict (5 to 10 a window).
 */
const IP_LIMIT_PER_HOUR = 300;

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

function currentEdition(db: Db) {
  return findCurrentEdition(db, {
    id: true,
    name: true,
    registrationOpensAt: true,
    registrationClosesAt: true,
    registrationCap: true,
    registrationCount: true,
  });
}

/** What the registration page needs before anyone types: is it open, the regions, the consent. */
export async function registrationForm({ db, now = new Date() }: Deps) {
  const edition = await currentEdition(db);
  const regions = await db.region.findMany({
    select: { id: true, code: true, name: true, federalDistrict: true },
    orderBy: { name: "asc" },
  });
  return { window: registrationWindow(edition, now), regions };
}

/** Why the registration window refuses a registration now (null when it is open). */
export function windowError(window: WindowState): AppError | null {
  switch (window.state) {
    case "open":
      return null;
    case "not-yet":
      return new AppError("FORBIDDEN", accountErrorsT("registrationNotOpen"));
    case "closed":
      return new AppError("FORBIDDEN", accountErrorsT("registrationOver"));
    case "full":
      return new AppError("CONFLICT", accountErrorsT("forumFull"));
  }
}

/**
 * Registers a participant. The answer is the same whether the email is new or known
 * (a known owner gets a mail with a sign-in link instead), so the form reveals nothing.
 */
export async function register({
  db,
  input,
  ip,
  now = new Date(),
  hash = hashPassword,
}: Deps & { input: RegistrationInput; ip: string | null; hash?: (password: string) => Promise<string> }) {
  await assertRateLimits({
    db,
    checks: [
      { key: `signup:ip:${ip ?? "unknown"}`, limit: IP_LIMIT_PER_HOUR, windowSeconds: 3600 },
      { key: `signup:email:${input.email}`, limit: 5, windowSeconds: 3600 },
    ],
  });
  const edition = await currentEdition(db);
  const closed = windowError(registrationWindow(edition, now));
  if (closed) throw closed;

  // The organisers' questions for the chosen category; a wrong answer is refused field by field
  // before anything else, for a known email too.
  const answers = await parseAnswers(db, input.category, input.answers);

  // The password is hashed for a known email too: both answers cost the same time.
  const passwordHash = await hash(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, locale: true } });
  if (existing) {
    await mailExistingOwner(db, existing, input.email);
    return { email: input.email };
  }

  try {
    await inTransaction(db, async (tx) => {
      const counted = await tx.$executeRaw`
        UPDATE "Edition" SET "registrationCount" = "registrationCount" + 1
        WHERE "id" = ${edition.id} AND ("registrationCap" IS NULL OR "registrationCount" < "registrationCap")`;
      if (counted !== 1) throw new AppError("CONFLICT", accountErrorsT("forumFull"));
      const user = await tx.user.create({
        // The language they registered in is their choice until they switch.
        data: {
          email: input.email,
          passwordHash,
          name: `${input.firstName} ${input.surname}`,
          locale: currentLocale(),
        },
        select: { id: true },
      });
      const registration = await tx.registration.create({
        data: {
          editionId: edition.id,
          userId: user.id,
          email: input.email,
          ...profileData(input),
          consentVersion: CONSENT_VERSION,
          consentAt: now,
        },
        select: { id: true },
      });
      await saveAnswers(tx, registration.id, answers);
      const token = await issueToken(tx, { userId: user.id, purpose: "CONFIRM_REGISTRATION", now });
      await enqueueMail(tx, {
        kind: "registration.confirm",
        to: input.email,
        ...confirmRegistrationMail({
          appUrl: env.APP_URL,
          token,
          person: { firstName: input.firstName, patronymic: input.patronymic ?? null },
        }),
      });
    });
  } catch (error) {
    // Someone registered this email a moment ago: the transaction rolled back whole.
    if (!isUniqueViolation(error)) throw error;
    const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true, locale: true } });
    if (owner) await mailExistingOwner(db, owner, input.email);
  }
  return { email: input.email };
}

async function mailExistingOwner(db: Db, owner: { id: string; locale: string | null }, email: string) {
  await inTransaction(db, async (tx) => {
    const token = await issueToken(tx, { userId: owner.id, purpose: "SIGN_IN" });
    await enqueueMail(tx, {
      kind: "registration.duplicate",
      to: email,
      ...alreadyRegisteredMail({ appUrl: env.APP_URL, token, locale: owner.locale }),
    });
  });
}

/** Follows the confirmation link: the registration becomes CONFIRMED and the email verified. */
export async function confirmRegistration({ db, token, now = new Date() }: Deps & { token: string }) {
  return inTransaction(db, async (tx) => {
    const owner = await consumeToken(tx, { token, purpose: "CONFIRM_REGISTRATION", now });
    if (!owner) {
      // The link was followed before and the address is confirmed: say so (and offer sign-in), not «invalid».
      const userId = await usedTokenOwner(tx, { token, purpose: "CONFIRM_REGISTRATION" });
      const earlier = userId
        ? await tx.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } })
        : null;
      if (earlier?.emailVerified) return { email: earlier.email, already: true };
      throw new AppError("BAD_REQUEST", accountErrorsT("invalidLink"));
    }
    const user = await tx.user.update({
      where: { id: owner.userId },
      data: { emailVerified: now },
      select: { email: true },
    });
    await tx.registration.updateMany({
      where: { userId: owner.userId, status: "PENDING" },
      data: { status: "CONFIRMED", confirmedAt: now },
    });
    await issueTicketsOnConfirm(tx, owner.userId);
    return { email: user.email, already: false };
  });
}

export type AuthenticatedUser = SessionUser & { sessionVersion: number };

const authSelect = { id: true, email: true, role: true, sessionVersion: true, passwordHash: true } as const;

/** Email + password. Null for a wrong password and for an unknown email alike. */
export async function verifyCredentials({
  db,
  email,
  password,
  ip,
}: Deps & { email: string; password: string; ip: string | null }): Promise<AuthenticatedUser | null> {
  const now = new Date();
  const perEmail = { key: `signin:email:${email}`, limit: 10, windowSeconds: 900 };
  await assertRateLimits({
    db,
    now,
    checks: [{ key: `signin:ip:${ip ?? "unknown"}`, limit: IP_LIMIT_PER_HOUR / 2, windowSeconds: 900 }, perEmail],
  });
  const user = await db.user.findUnique({ where: { email }, select: authSelect });
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) return null;
  // Ten wrong passwords an address per 15 minutes; signing in correctly is never counted against it.
  await forgiveRateLimitHit({ db, key: perEmail.key, windowSeconds: perEmail.windowSeconds, now });
  return { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

/** Mails a one-time sign-in link if the email has an account; silent otherwise. */
export async function requestSignInLink({ db, email, ip }: Deps & { email: string; ip: string | null }) {
  await assertRateLimits({
    db,
    checks: [
      { key: `link:ip:${ip ?? "unknown"}`, limit: IP_LIMIT_PER_HOUR, windowSeconds: 3600 },
      { key: `link:email:${email}`, limit: 5, windowSeconds: 3600 },
    ],
  });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (!user) return;
  await inTransaction(db, async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: "SIGN_IN" });
    await enqueueMail(tx, {
      kind: "auth.signin-link",
      to: email,
      ...signInLinkMail({ appUrl: env.APP_URL, token, locale: user.locale }),
    });
  });
}

/** Uses a sign-in link; following it also proves the address, so it is marked verified. */
export async function consumeSignInLink({ db, token, now = new Date() }: Deps & { token: string }) {
  return inTransaction(db, async (tx) => {
    const owner = await consumeToken(tx, { token, purpose: "SIGN_IN", now });
    if (!owner) return null;
    const user = await tx.user.update({
      where: { id: owner.userId },
      data: { emailVerified: now },
      select: authSelect,
    });
    return { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
  });
}

/** Thrown to roll back the stand-in work done for an unknown email. */
const NOTHING_TO_KEEP = Symbol("rollback");

export async function requestPasswordReset({ db, email, ip }: Deps & { email: string; ip: string | null }) {
  await assertRateLimits({
    db,
    checks: [
      { key: `reset:ip:${ip ?? "unknown"}`, limit: IP_LIMIT_PER_HOUR, windowSeconds: 3600 },
      { key: `reset:email:${email}`, limit: 5, windowSeconds: 3600 },
    ],
  });
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (!user) {
    // The same work for an unknown email (a token, the mail rendered and written, one
    // transaction), then rolled back: the answer's timing does not tell who has an account.
    const token = createHash("sha256").update(randomBytes(32)).digest("base64url");
    await db
      .$transaction(async (tx) => {
        await enqueueMail(tx, { kind: "auth.reset", to: email, ...resetPasswordMail({ appUrl: env.APP_URL, token }) });
        throw NOTHING_TO_KEEP;
      })
      .catch((error: unknown) => {
        if (error !== NOTHING_TO_KEEP) throw error;
      });
    return;
  }
  await inTransaction(db, async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: "RESET_PASSWORD" });
    await enqueueMail(tx, {
      kind: "auth.reset",
      to: email,
      ...resetPasswordMail({ appUrl: env.APP_URL, token, locale: user.locale }),
    });
  });
}

/** Sets a new password from a reset link and ends every existing session. */
export async function resetPassword({
  db,
  token,
  password,
  now = new Date(),
}: Deps & { token: string; password: string }) {
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const owner = await consumeToken(tx, { token, purpose: "RESET_PASSWORD", now });
    if (!owner) throw new AppError("BAD_REQUEST", accountErrorsT("invalidLink"));
    const user = await tx.user.update({
      where: { id: owner.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: now },
      select: { email: true, locale: true },
    });
    // Thrown inside the transaction: the link stays unused, the password unchanged.
    if (containsEmail(password, user.email)) throw new AppError("BAD_REQUEST", validationText(PASSWORD_CONTAINS_EMAIL));
    await enqueueMail(tx, {
      kind: "auth.password-changed",
      to: user.email,
      ...passwordChangedMail({ appUrl: env.APP_URL, locale: user.locale }),
    });
  });
  forgetCachedSessions();
}

/** Changes the password; other sessions end, the caller's session gets the new version. */
export async function changePassword({
  db,
  actor,
  currentPassword,
  newPassword,
}: Deps & { actor: SessionUser; currentPassword: string; newPassword: string }) {
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true, email: true } });
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError("BAD_REQUEST", accountErrorsT("wrongPassword"));
  }
  if (containsEmail(newPassword, row.email)) throw new AppError("BAD_REQUEST", validationText(PASSWORD_CONTAINS_EMAIL));
  const passwordHash = await hashPassword(newPassword);
  const changed = await inTransaction(db, async (tx) => {
    const updated = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await enqueueMail(tx, {
      kind: "auth.password-changed",
      to: row.email,
      ...passwordChangedMail({ appUrl: env.APP_URL }),
    });
    return { sessionVersion: updated.sessionVersion };
  });
  forgetCachedSessions();
  return changed;
}
