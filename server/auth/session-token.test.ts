import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionToken } from "~/server/auth/session-token";

const secret = "unit-test-secret-0123456789abcdefghijklmnopqrstuv";
const salt = "authjs.session-token";

describe("readSessionToken", () => {
  it("reads what Auth.js's encode wrote, claims included", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3 }, secret, salt, maxAge: 3600 });
    const claims = await readSessionToken({ token, secret, salt });
    expect(claims).toMatchObject({ uid: "u1", sv: 3 });
    expect(typeof claims?.exp).toBe("number");
  });

  it("refuses another secret, another cookie name (salt), a changed byte and garbage", async () => {
    const token = await encode({ token: { uid: "u1", sv: 0 }, secret, salt, maxAge: 3600 });
    expect(await readSessionToken({ token, secret: `${secret}x`, salt })).toBeNull();
    expect(await readSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).toBeNull();
    const parts = token.split(".");
    const cipher = parts[3]!;
    const flipped = `${cipher[0] === "A" ? "B" : "A"}${cipher.slice(1)}`;
    const tampered = [...parts.slice(0, 3), flipped, parts[4]].join(".");
    expect(await readSessionToken({ token: tampered, secret, salt })).toBeNull();
    expect(await readSessionToken({ token: "not.a.token", secret, salt })).toBeNull();
    expect(await readSessionToken({ token: "", secret, salt })).toBeNull();
    expect(await readSessionToken({ token, secret: "", salt })).toBeNull();
  });

  it("refuses an expired token (beyond Auth.js's 15 s tolerance)", async () => {
    const token = await encode({ token: { uid: "u1", sv: 0 }, secret, salt, maxAge: -60 });
    expect(await readSessionToken({ token, secret, salt })).toBeNull();
  });
});
