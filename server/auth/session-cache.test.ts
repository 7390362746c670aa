import { describe, expect, it } from "vitest";
import {
  cachedSession,
  forgetCachedSessions,
  rememberSession,
  parseCookieHeader,
  sessionCookie,
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

  it("finds the session cookie, joins its chunks in order, secure name included", () => {
    expect(sessionCookie([{ name: "lang", value: "en" }])).toBeNull();
    expect(
      sessionCookie(
        parseCookieHeader("authjs.session-token.1=B; theme=x; authjs.session-token.10=C; authjs.session-token.0=A"),
      ),
    ).toEqual({ name: "authjs.session-token", value: "ABC" });
    expect(sessionCookie(parseCookieHeader("__Secure-authjs.session-token=S"))).toEqual({
      name: "__Secure-authjs.session-token",
      value: "S",
    });
    expect(sessionCookie(parseCookieHeader("authjs.session-token-evil=S"))).toBeNull();
  });
});
