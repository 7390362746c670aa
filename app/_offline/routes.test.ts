import { describe, expect, it } from "vitest";
import { PAGES_CACHE, PERSONAL_CACHE, offlineCacheFor, viewerChanged } from "~/app/_offline/routes";

const at = (path: string) => new URL(path, "https://forum.example");

describe("offlineCacheFor", () => {
  it("keeps the person's own pages and PDFs in the personal cache", () => {
    expect(offlineCacheFor(at("/my"), true, true)).toBe(PERSONAL_CACHE);
    expect(offlineCacheFor(at("/my/ticket.pdf"), true, false)).toBe(PERSONAL_CACHE);
    expect(offlineCacheFor(at("/my/certificate.pdf"), true, true)).toBe(PERSONAL_CACHE);
  });

  it("keeps the programme (any day or filter) and session pages in the pages cache", () => {
    expect(offlineCacheFor(at("/programme"), true, true)).toBe(PAGES_CACHE);
    expect(offlineCacheFor(at("/programme?day=2025-08-25&track=it"), true, true)).toBe(PAGES_CACHE);
    expect(offlineCacheFor(at("/sessions/cm0abc123"), true, true)).toBe(PAGES_CACHE);
  });

  it("keeps no RSC payloads, no fetches of pages, nothing of other sites and nothing else of the site", () => {
    expect(offlineCacheFor(at("/programme?_rsc=1x"), true, true)).toBeNull();
    expect(offlineCacheFor(at("/programme"), true, false)).toBeNull();
    expect(offlineCacheFor(at("/my"), true, false)).toBeNull();
    expect(offlineCacheFor(at("/my"), false, true)).toBeNull();
    for (const path of [
      "/account",
      "/checkin",
      "/organiser",
      "/my/schedule.ics",
      "/programme.ics",
      "/sessions/a/b",
      "/",
    ]) {
      expect(offlineCacheFor(at(path), true, true), path).toBeNull();
    }
  });
});

describe("viewerChanged", () => {
  it("clears when somebody's pages are followed by nobody's or another person's", () => {
    expect(viewerChanged("anna", "")).toBe(true);
    expect(viewerChanged("anna", "boris")).toBe(true);
  });

  it("keeps the copies for the same person and after a guest signs in", () => {
    expect(viewerChanged("anna", "anna")).toBe(false);
    expect(viewerChanged("", "anna")).toBe(false);
    expect(viewerChanged(null, "anna")).toBe(false);
    expect(viewerChanged(null, "")).toBe(false);
  });
});
