/**
 * One-time tokens sent by mail (confirmation, sign-in link, password reset, email change).
 * The raw token only ever exists in the mail; the database keeps its SHA-256. A token is
 * consumed by one conditional update, so two clicks on one link cannot both succeed.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import type { Prisma, TokenPurpose } from "~/server/generated/prisma/client";

type Tx = Db | Prisma.TransactionClient;

export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = {
  CONFIRM_REGISTRATION: 48 * 60,
  SIGN_IN: 15,
  RESET_PASSWORD: 60,
  CHANGE_EMAIL: 24 * 60,
};

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export async function issueToken(
  db: Tx,
  input: { userId: string; purpose: TokenPurpose; newEmail?: string; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  await db.authToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      newEmail: input.newEmail ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MINUTES[input.purpose] * 60_000),
    },
  });
  return token;
}

/**
 * Marks a token used if it exists, has this purpose, is unused and unexpired; returns its
 * owner (and new email), or null for any other case — callers say "the link is invalid or
 * expired" without telling which.
 */
export async function consumeToken(
  db: Tx,
  input: { token: string; purpose: TokenPurpose; now?: Date },
): Promise<{ userId: string; newEmail: string | null } | null> {
  if (!input.token || input.token.length > 200) return null;
  const tokenHash = hashToken(input.token);
  const now = input.now ?? new Date();
  const used = await db.authToken.updateMany({
    where: { tokenHash, purpose: input.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  const row = await db.authToken.findUnique({ where: { tokenHash }, select: { userId: true, newEmail: true } });
  return row;
}

/**
 * Whose link this was, when it has already been followed (a second click on a mail's link): the owner's
 * id, or null for an unknown, unused or other-purpose token. Changes nothing.
 */
export async function usedTokenOwner(db: Tx, input: { token: string; purpose: TokenPurpose }): Promise<string | null> {
  if (!input.token || input.token.length > 200) return null;
  const row = await db.authToken.findUnique({
    where: { tokenHash: hashToken(input.token) },
    select: { userId: true, purpose: true, usedAt: true },
  });
  return row && row.purpose === input.purpose && row.usedAt ? row.userId : null;
}
