/**
 * Reads an Auth.js session cookie (a JWE: "dir" key management, A256CBC-HS512, the key derived
 * from AUTH_SECRET with HKDF-SHA256 and the cookie name as salt — @auth/core's `encode`).
 *
 * Auth.js's own `decode` derives that key again and hashes a JWK thumbprint on every call, and its
 * jose 6 is the WebCrypto build: seven asynchronous WebCrypto jobs per token (its timing-safe
 * compare alone makes an HMAC key and signs twice), about 330 µs of CPU — under a booking rush a
 * tenth of the server's CPU. Here the derived key is made once per secret and salt (node:crypto's
 * HKDF, the same derivation) and the token is decrypted by `jwtDecrypt` of jose 5 (package alias
 * `jose-node`), the same library in its last major with a Node build on node:crypto: about 35 µs.
 * The claims checks are the same (15 s clock tolerance). server/auth/session-token.test.ts checks
 * it against Auth.js's `encode`.
 */
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose-node";

const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    if (keys.size > 16) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** The token's claims, or null when it is forged, expired, malformed or made with another secret. */
export async function readSessionToken(opts: {
  token: string;
  secret: string;
  salt: string;
}): Promise<JWTPayload | null> {
  if (!opts.token || !opts.secret) return null;
  try {
    const { payload } = await jwtDecrypt(opts.token, derivedKey(opts.secret, opts.salt), {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256CBC-HS512"],
    });
    return payload;
  } catch {
    return null;
  }
}
