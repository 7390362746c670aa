import { describe, expect, it } from "vitest";
import { demoAccounts } from "~/prisma/seed/accounts";
import { PASSWORD_CONTAINS_EMAIL, PASSWORD_TOO_COMMON, passwordProblem } from "~/server/account/password-policy";

describe("passwordProblem", () => {
  it.each(["password123", "qwertyuiop", "1234567890", "iloveyou12", "aaaaaaaaaa"])("refuses %s as common", (p) => {
    expect(passwordProblem(p)).toBe(PASSWORD_TOO_COMMON);
  });

  it("refuses the email or its local part (4+ characters), in any case", () => {
    expect(passwordProblem("Kedrova.Irina-2025!", "kedrova.irina@example.ru")).toBe(PASSWORD_CONTAINS_EMAIL);
    expect(passwordProblem("x-ann@mail.ru-9", "ann@mail.ru")).toBe(PASSWORD_CONTAINS_EMAIL);
    // A three-letter local part alone is not refused (too many innocent matches).
    expect(passwordProblem("ann-Tr0ub4dor&3x", "ann@mail.ru")).toBeNull();
  });

  it("accepts the demo and test passwords", () => {
    for (const a of demoAccounts) expect(passwordProblem(a.password, a.email)).toBeNull();
    for (const p of ["correct horse battery", "a brand new password", "e2e-password-123", "second-password-2"]) {
      expect(passwordProblem(p, "someone@example.ru")).toBeNull();
    }
  });
});
