import { describe, expect, it } from "vitest";
import {
  compileTrust,
  hostIsAllowed,
  isLoopback,
  MAX_BATCH,
  MAX_TRPC_BODY_BYTES,
  refuseRequest,
  securityHeaders,
  urlIsClean,
} from "./http-guard.mjs";
import proxyaddr from "proxy-addr";
import type { IncomingMessage } from "node:http";

const appOrigin = "https://forum.example.ru";
const post = (pathname: string, headers: Record<string, string>) =>
  refuseRequest({
    method: "POST",
    pathname,
    headers: { host: "forum.example.ru", ...headers },
    appOrigin,
    secure: true,
  });
const json = { "content-type": "application/json", "content-length": "20" };

describe("cross-site requests", () => {
  it("refuses a mutation from a foreign origin, in any content type", () => {
    expect(post("/api/trpc/booking.rotateCalendarFeed", { origin: "https://evil.example", ...json })?.status).toBe(403);
    expect(
      post("/api/trpc/booking.rotateCalendarFeed", {
        origin: "https://evil.example",
        "content-type": "multipart/form-data; boundary=x",
        "content-length": "10",
      })?.status,
    ).toBe(403);
    expect(post("/account", { origin: "https://evil.example", "next-action": "abc" })?.status).toBe(403);
    expect(post("/account", { origin: "null" })?.status).toBe(403);
    expect(post("/account", { "sec-fetch-site": "cross-site" })?.status).toBe(403);
  });

  it("lets the site's own origin through, and safe methods from anywhere", () => {
    expect(post("/api/trpc/booking.book", { origin: appOrigin, ...json })).toBeNull();
    expect(post("/account", { origin: "https://forum.example.ru" })).toBeNull();
    expect(
      refuseRequest({
        method: "GET",
        pathname: "/programme",
        headers: { origin: "https://evil.example" },
        appOrigin,
        secure: true,
      }),
    ).toBeNull();
  });

  it("takes JSON only for tRPC mutations, with a bounded body", () => {
    const form = post("/api/trpc/booking.book", { origin: appOrigin, "content-type": "multipart/form-data" });
    expect(form?.status).toBe(415);
    expect(
      post("/api/trpc/booking.book", { origin: appOrigin, "content-type": "application/x-www-form-urlencoded" })
        ?.status,
    ).toBe(415);
    expect(
      post("/api/trpc/booking.book", {
        origin: appOrigin,
        "content-type": "application/json",
        "content-length": String(MAX_TRPC_BODY_BYTES + 1),
      })?.status,
    ).toBe(413);
    expect(post("/api/trpc/booking.book", { origin: appOrigin, "content-type": "application/json" })?.status).toBe(411);
  });

  it("limits the procedures in one batch", () => {
    const many = Array.from({ length: MAX_BATCH + 1 }, () => "programme.edition").join(",");
    const get = (n: string) =>
      refuseRequest({ method: "GET", pathname: `/api/trpc/${n}`, headers: {}, appOrigin, secure: false });
    expect(get(many)?.status).toBe(400);
    expect(get(Array.from({ length: MAX_BATCH }, () => "programme.edition").join(","))).toBeNull();
  });
});

describe("Host header", () => {
  it("serves APP_URL's host, loopback names and ALLOWED_HOSTS only (no DNS rebinding)", () => {
    const allowed = new Set(["forum.example.ru", "10.0.0.5"]);
    expect(hostIsAllowed("forum.example.ru", allowed)).toBe(true);
    expect(hostIsAllowed("FORUM.example.ru:443", allowed)).toBe(true);
    expect(hostIsAllowed("localhost:3000", allowed)).toBe(true);
    expect(hostIsAllowed("127.0.0.1:3100", allowed)).toBe(true);
    expect(hostIsAllowed("[::1]:3000", allowed)).toBe(true);
    expect(hostIsAllowed("10.0.0.5:3001", allowed)).toBe(true);
    expect(hostIsAllowed("evil.example", allowed)).toBe(false);
    expect(hostIsAllowed("localhost.evil.example", allowed)).toBe(false);
    expect(hostIsAllowed(undefined, allowed)).toBe(false);
  });
});

describe("URLs", () => {
  it("refuses NUL bytes and broken UTF-8, keeps ordinary Russian queries", () => {
    expect(urlIsClean("/programme?q=a%00b")).toBe(false);
    expect(urlIsClean("/speakers?q=%ED%A0%80")).toBe(false);
    expect(urlIsClean("/speakers?q=%E0%A4%A")).toBe(false);
    expect(urlIsClean("/programme?q=%D1%81%D0%BE%D0%B2%D0%B5%D1%89%D0%B0%D0%BD%D0%B8%D0%B5&day=2025-08-26")).toBe(true);
    expect(urlIsClean("/programme?q=a+b")).toBe(true);
  });
});

describe("client address", () => {
  const req = (peer: string, xff?: string) =>
    ({
      socket: { remoteAddress: peer },
      connection: { remoteAddress: peer },
      headers: xff ? { "x-forwarded-for": xff } : {},
    }) as unknown as IncomingMessage;

  it("is the socket peer unless the peer is a trusted proxy", () => {
    const none = compileTrust("");
    expect(proxyaddr(req("203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
    const trusted = compileTrust("127.0.0.1, 10.0.0.0/8");
    expect(proxyaddr(req("127.0.0.1", "198.51.100.9"), trusted)).toBe("198.51.100.9");
    // A client-made left-most entry does not count: the right-most untrusted one does.
    expect(proxyaddr(req("10.0.0.2", "6.6.6.6, 198.51.100.9"), trusted)).toBe("198.51.100.9");
    expect(proxyaddr(req("203.0.113.7", "198.51.100.9"), trusted)).toBe("203.0.113.7");
  });

  it("knows loopback peers", () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("192.168.1.5")).toBe(false);
  });
});

describe("security headers", () => {
  it("allow scripts only with the nonce or from the site, and never in a frame", () => {
    const h = securityHeaders({ nonce: "abc123", dev: false, secure: true });
    const csp = h["content-security-policy"]!;
    const scriptSrc = csp.split("; ").find((d: string) => d.startsWith("script-src"))!;
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("microphone=()");
    expect(h["strict-transport-security"]).toContain("max-age=");
    expect(securityHeaders({ nonce: "x", dev: false, secure: false })["strict-transport-security"]).toBeUndefined();
  });
});
