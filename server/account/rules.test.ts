import { describe, expect, it } from "vitest";
import { maskEmail, normaliseEmail, registrationWindow } from "~/server/account/rules";

describe("registrationWindow", () => {
  const base = { registrationOpensAt: null, registrationClosesAt: null, registrationCap: null, registrationCount: 0 };
  const now = new Date("2025-08-01T10:00:00Z");

  it("is open without dates or cap", () => {
    expect(registrationWindow(base, now)).toEqual({ state: "open" });
  });

  it("is not yet open before the opening and closed from the closing moment", () => {
    const opensAt = new Date("2025-08-02T00:00:00Z");
    expect(registrationWindow({ ...base, registrationOpensAt: opensAt }, now)).toEqual({ state: "not-yet", opensAt });
    const closesAt = new Date("2025-08-01T10:00:00Z");
    expect(registrationWindow({ ...base, registrationClosesAt: closesAt }, now)).toEqual({
      state: "closed",
      closedAt: closesAt,
    });
  });

  it("is full when the count reaches the cap", () => {
    expect(registrationWindow({ ...base, registrationCap: 2, registrationCount: 1 }, now)).toEqual({ state: "open" });
    expect(registrationWindow({ ...base, registrationCap: 2, registrationCount: 2 }, now)).toEqual({ state: "full" });
  });

  it("normalises emails", () => {
    expect(normaliseEmail("  Anna.Petrova@Example.RU ")).toBe("anna.petrova@example.ru");
  });
});

describe("maskEmail", () => {
  it("hides most of the local part and keeps the domain", () => {
    expect(maskEmail("maria.petrova@example.org")).toBe("ma•••@example.org");
    expect(maskEmail("ivan@mail.ru")).toBe("i•••@mail.ru");
    expect(maskEmail("a@b.ru")).toBe("a•••@b.ru");
    expect(maskEmail("maria.petrova@example.org")).not.toContain("petrova");
  });

  it("shows nothing of a value that is not an address", () => {
    expect(maskEmail("nonsense")).toBe("•••");
  });
});
