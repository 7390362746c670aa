/**
 * Registering again after a cancellation (issue 11). Cancelling keeps the account and the
 * registration row (status CANCELLED: seats released, ticket revoked, the edition's count down);
 * the row is unique per edition and person, so registering again brings that row back rather
 * than creating one. The person is signed in: no new password, the profile stays as it was; they
 * choose the category and region again, answer the organisers' questions for that category and
 * give their consent anew. Checked like a registration (window, capacity, answers) and mailed
 * like one: a confirmation link while the address is unconfirmed, the ticket once it is.
 */
import { confirmRegistrationMail } from "~/server/account/mail";
import { CONSENT_VERSION, registrationWindow } from "~/server/account/rules";
import { windowError } from "~/server/account/service";
import type { RegisterAgainInput } from "~/server/account/schema";
import type { SessionUser } from "~/server/auth/roles";
import { issueToken } from "~/server/auth/tokens";
import type { Db } from "~/server/db/client";
import { lockUser } from "~/server/db/locks";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { findCurrentEdition } from "~/server/edition/current";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { accountErrorsT } from "~/server/i18n/server-messages";
import { enqueueMail } from "~/server/mail/outbox";
import { dropInapplicableAnswers, parseAnswers, saveAnswers } from "~/server/questions/service";
import { enqueueTicketMail, issueMissingTickets } from "~/server/tickets/service";

type Args<I> = { db: Db; actor: SessionUser; input: I; now?: Date };

const editionSelect = {
  id: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  registrationCap: true,
  registrationCount: true,
} as const;

async function ownRegistration(db: Db | Tx, userId: string, editionId: string) {
  return db.registration.findUnique({
    where: { editionId_userId: { editionId, userId } },
    select: { id: true, status: true, category: true, regionId: true, cancelledAt: true, anonymisedAt: true },
  });
}

/**
 * Where the signed-in person stands with the current edition's registration (the /register page):
 * "active", "cancelled" (and whether the window lets them register again), or "none".
 */
export async function registerAgainState({ db, actor, now = new Date() }: Omit<Args<unknown>, "input">) {
  const edition = await findCurrentEdition(db, editionSelect);
  const window = registrationWindow(edition, now);
  const row = await ownRegistration(db, actor.id, edition.id);
  if (!row || row.anonymisedAt) return { state: "none" as const, window };
  if (row.status !== "CANCELLED") return { state: "active" as const, window };
  return {
    state: "cancelled" as const,
    window,
    cancelledAt: row.cancelledAt,
    previous: { category: row.category, regionId: row.regionId },
  };
}

/**
 * Brings the person's cancelled registration back. The person's row is locked first (the lock
 * order of server/db/locks.ts), so two submits at once run one after the other and the second
 * finds the registration active; the counter moves only in the statement that checks the cap.
 * Every refusal throws inside the transaction: nothing changes.
 */
export async function registerAgain({ db, actor, input, now = new Date() }: Args<RegisterAgainInput>) {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, actor.id);
    const edition = await findCurrentEdition(tx, editionSelect);
    const row = await ownRegistration(tx, actor.id, edition.id);
    if (row && row.status !== "CANCELLED") throw new AppError("CONFLICT", accountErrorsT("alreadyRegistered"));
    if (!row || row.anonymisedAt) throw new AppError("NOT_FOUND", accountErrorsT("nothingToRenew"));
    const closed = windowError(registrationWindow(edition, now));
    if (closed) throw closed;
    // Checked against the questions of the category chosen now; a wrong answer is refused field by field.
    const answers = await parseAnswers(tx, input.category, input.answers);

    const counted = await tx.$executeRaw`
      UPDATE "Edition" SET "registrationCount" = "registrationCount" + 1
      WHERE "id" = ${edition.id} AND ("registrationCap" IS NULL OR "registrationCount" < "registrationCap")`;
    if (counted !== 1) throw new AppError("CONFLICT", accountErrorsT("forumFull"));

    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { email: true, emailVerified: true, locale: true },
    });
    const confirmed = Boolean(user.emailVerified);
    const revived = await tx.registration.updateMany({
      where: { id: row.id, status: "CANCELLED" },
      data: {
        status: confirmed ? "CONFIRMED" : "PENDING",
        confirmedAt: confirmed ? now : null,
        cancelledAt: null,
        category: input.category,
        regionId: input.regionId,
        email: user.email,
        consentVersion: CONSENT_VERSION,
        consentAt: now,
      },
    });
    // Unreachable under the person's lock; kept so that a change of locking cannot count twice.
    if (revived.count !== 1) throw new AppError("CONFLICT", accountErrorsT("alreadyRegistered"));
    await saveAnswers(tx, row.id, answers);
    // Answers given under the old category to questions the new one is not asked are dropped.
    await dropInapplicableAnswers(tx, row.id, input.category);

    const person = await tx.registration.findUniqueOrThrow({
      where: { id: row.id },
      select: { firstName: true, patronymic: true },
    });
    if (confirmed) {
      // The address was confirmed before: the registration is confirmed at once and the new
      // ticket is mailed (the old one stays revoked), as a confirmation link would have done.
      await issueMissingTickets(tx, [row.id]);
      const ticket = await tx.ticket.findFirst({
        where: { registrationId: row.id, revokedAt: null },
        select: { id: true },
      });
      if (ticket) {
        await enqueueTicketMail(tx, {
          to: user.email,
          firstName: person.firstName,
          ticketId: ticket.id,
          locale: user.locale,
        });
      }
    } else {
      const token = await issueToken(tx, { userId: actor.id, purpose: "CONFIRM_REGISTRATION", now });
      await enqueueMail(tx, {
        kind: "registration.confirm",
        to: user.email,
        ...confirmRegistrationMail({ appUrl: env.APP_URL, token, person, locale: user.locale }),
      });
    }
    return { status: confirmed ? ("CONFIRMED" as const) : ("PENDING" as const) };
  });
}
