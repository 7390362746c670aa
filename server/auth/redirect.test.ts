import { describe, expect, it } from "vitest";
import { safeNextPath } from "~/server/auth/redirect";

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/my")).toBe("/my");
    expect(safeNextPath("/programme?day=2025-08-26")).toBe("/programme?day=2025-08-26");
  });

  it("refuses other sites and odd values", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "", undefined, "my"]) {
      expect(safeNextPath(bad)).toBe("/account");
    }
  });
});
