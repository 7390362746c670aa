import { describe, expect, it } from "vitest";
import {
  cachedSession,
  forgetCachedSessions,
  rememberSession,
  sessionCookieKey,
} from "~/server/auth/session-cache";

const anna = { id: "u1", email: "anna@example.ru", role: "PARTICIPANT" as const };

describe("session cache", () => {
  it("reuses a resolved cookie until it expires, then asks again", () => {
    rememberSession("cookie-a", anna, 1_000);
    expect(cachedSession("cookie-a", 1_001)).toEqual(anna);
    expect(cachedSession("cookie-a", 1_000 + 5_000)).toBeUndefined();
    expect(cachedSession("cookie-a", 1_001)).toBeUndefined();
  });

  it("remembers a cookie that names nobody, and forgets everything on a revocation", () => {
    rememberSession("stale", null, 0);
    expect(cachedSession("stale", 1)).toBeNull();
    rememberSession("cookie-b", anna, 0);
    forgetCachedSessions();
    expect(cachedSession("cookie-b", 1)).toBeUndefined();
    expect(cachedSession("stale", 1)).toBeUndefined();
  });

  it("keys on the session cookie only, chunks in order, secure name included", () => {
    expect(sessionCookieKey([{ name: "lang", value: "en" }])).toBeNull();
    expect(
      sessionCookieKey([
        { name: "authjs.session-token.1", value: "B" },
        { name: "theme", value: "x" },
        { name: "authjs.session-token.0", value: "A" },
      ]),
    ).toBe("A.B");
    expect(sessionCookieKey([{ name: "__Secure-authjs.session-token", value: "S" }])).toBe("S");
    expect(sessionCookieKey([{ name: "authjs.session-token-evil", value: "S" }])).toBeNull();
  });
});
