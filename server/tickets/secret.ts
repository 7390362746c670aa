/**
 * Ticket secrets. A ticket row holds a random nonce (128 bits) and the SHA-256 of the secret; the
 * secret itself is HMAC-SHA256(ticket key, nonce) and is never stored, so a copy of the database
 * alone cannot forge or read a QR code, while /my, the PDF and the mail can still show it. The
 * ticket key is derived from AUTH_SECRET: rotating AUTH_SECRET changes every secret, so after a
 * rotation organisers reissue tickets (see README, «Билеты и вход»).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "~/server/env";

/** Without AUTH_SECRET (tests, a first development start) a fixed key; production refuses. */
const DEVELOPMENT_KEY = "spo-forum development ticket key (never used in production)";

let cachedKey: Buffer | null = null;

function ticketKey(): Buffer {
  if (cachedKey) return cachedKey;
  if (!env.AUTH_SECRET && env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required to issue tickets");
  }
  cachedKey = createHmac("sha256", env.AUTH_SECRET ?? DEVELOPMENT_KEY)
    .update("spo-forum ticket key v1")
    .digest();
  return cachedKey;
}

/** A fresh nonce: 16 random bytes, base64url. */
export const newNonce = (): string => randomBytes(16).toString("base64url");

/** The QR secret of a nonce: 256 bits, base64url (43 characters). */
export const ticketSecret = (nonce: string): string =>
  createHmac("sha256", ticketKey()).update(nonce).digest("base64url");

/** SHA-256 of a secret, hex: what the database and the offline manifests hold. */
export const hashSecret = (secret: string): string => createHash("sha256").update(secret, "utf8").digest("hex");

/** What a QR code may carry: base64url of 32 bytes. Anything else is not a ticket. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Constant-time comparison of two hex hashes of equal length. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
