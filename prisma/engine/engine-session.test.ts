import { describe, expect, it } from "vitest";
import { describePgError } from "./cli-commands.mjs";
import { needsMainDatabase } from "./engine-session.mjs";

describe("needsMainDatabase", () => {
  it("lets a diff between migrations, schema files and nothing run without the main database", () => {
    expect(needsMainDatabase("diff", { from: { tag: "migrations" }, to: { tag: "schemaDatamodel" } })).toBe(false);
    expect(needsMainDatabase("diff", { from: { tag: "empty" }, to: { tag: "schemaDatamodel" } })).toBe(false);
  });

  it("opens the main database for everything else", () => {
    expect(needsMainDatabase("diff", { from: { tag: "schemaDatasource" }, to: { tag: "schemaDatamodel" } })).toBe(true);
    expect(needsMainDatabase("diagnoseMigrationHistory", {})).toBe(true);
  });
});

describe("describePgError", () => {
  const url = "postgresql://alice@db.example:6543/forum";
  it("maps connection failures to the native engine's error codes", () => {
    expect(describePgError({ code: "ECONNREFUSED" }, url)).toMatchObject({
      code: "P1001",
      message: expect.stringContaining("Can't reach database server at `db.example:6543`"),
    });
    expect(describePgError({ code: "3D000" }, url)).toMatchObject({
      code: "P1003",
      message: expect.stringContaining("`forum`"),
    });
    expect(describePgError({ code: "28P01" }, url)).toMatchObject({
      code: "P1000",
      message: expect.stringContaining("`alice`"),
    });
  });

  it("keeps other messages without a code", () => {
    expect(describePgError(new Error("PGlite data directory is in use"), url)).toEqual({
      message: "PGlite data directory is in use",
    });
  });
});
