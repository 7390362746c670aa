import { describe, expect, it } from "vitest";
import { formatPhone, normalisePhone } from "~/server/account/phone";

describe("normalisePhone", () => {
  it.each([
    ["8 (910) 123-45-67", "+79101234567"],
    ["+7 910 123 45 67", "+79101234567"],
    ["7-910-123-45-67", "+79101234567"],
    ["9101234567", "+79101234567"],
    ["  +7 (910) 123.45.67 ", "+79101234567"],
    ["+375 29 123-45-67", "+375291234567"],
    ["+86 138 0013 8000", "+8613800138000"],
    ["+49 30 1234567", "+49301234567"],
    // A Moscow landline: the hand-written rules took only mobile numbers without the 8.
    ["4951234567", "+74951234567"],
    ["8 (495) 123-45-67", "+74951234567"],
  ])("normalises %s to %s", (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it.each([
    "",
    "123",
    "8 910 123",
    "+7 910 123 45 678",
    "phone",
    "+0 123 456 789",
    "8 (910) 123-45-67 доб. 5",
    "+7 000 000 00 00",
    "++79101234567",
    "=1+79101234567",
  ])("rejects %s", (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe("formatPhone", () => {
  it.each([
    ["+79101234567", "8 (910) 123-45-67"],
    ["+74951234567", "8 (495) 123-45-67"],
    ["+375291234567", "+375 29 123 45 67"],
    ["+49301234567", "+49 30 1234567"],
    // Stored before numbers were normalised (the test factories still write one like this).
    ["8 (910) 123-45-67", "8 (910) 123-45-67"],
  ])("shows %s as %s", (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  it("shows what does not parse as stored, and nothing for nothing", () => {
    expect(formatPhone("доб. 5")).toBe("доб. 5");
    expect(formatPhone("")).toBe("");
    expect(formatPhone(null)).toBe("");
  });

  it("round-trips: the shown form normalises back to the stored one", () => {
    for (const e164 of ["+79101234567", "+375291234567", "+8613800138000", "+12025550123"]) {
      expect(normalisePhone(formatPhone(e164))).toBe(e164);
    }
  });
});
