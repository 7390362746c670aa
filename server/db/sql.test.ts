import { describe, expect, it } from "vitest";
import { inline, literal, parameterised, sql } from "~/server/db/sql";

describe("the seat runner's SQL text", () => {
  it("escapes text so a quote or a backslash cannot end the literal", () => {
    expect(literal("it's")).toBe("'it''s'");
    expect(literal("a\\b'")).toBe(" E'a\\\\b'''");
    expect(literal('\'; DROP TABLE "User"; --')).toBe("'''; DROP TABLE \"User\"; --'");
  });

  it("writes numbers, booleans, null, UTC timestamps and text arrays", () => {
    expect(literal(42)).toBe("42");
    expect(literal(true)).toBe("TRUE");
    expect(literal(null)).toBe("NULL");
    expect(literal(new Date("2025-08-26T07:30:00.250Z"))).toBe("'2025-08-26 07:30:00.250'::timestamp");
    expect(literal(["a", "b'c"])).toBe("ARRAY['a', 'b''c']");
    expect(literal([])).toBe("'{}'");
  });

  it("refuses values that have no literal", () => {
    expect(() => literal(Number.NaN)).toThrow();
    expect(() => literal(Infinity)).toThrow();
    expect(() => literal(new Date("nonsense"))).toThrow();
  });

  it("inlines values for the simple protocol and numbers them for parameters", () => {
    const s = sql`SELECT 1 FROM "User" WHERE "id" = ${"u'1"} AND "sessionVersion" = ${3} AND x = ANY(${["a"]}::text[])`;
    expect(inline(s)).toBe(
      `SELECT 1 FROM "User" WHERE "id" = 'u''1' AND "sessionVersion" = 3 AND x = ANY(ARRAY['a']::text[])`,
    );
    expect(parameterised(s)).toBe(
      `SELECT 1 FROM "User" WHERE "id" = $1 AND "sessionVersion" = $2 AND x = ANY($3::text[])`,
    );
    expect(s.values).toEqual(["u'1", 3, ["a"]]);
  });
});
