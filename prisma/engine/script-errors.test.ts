import { describe, expect, it } from "vitest";
import { formatDatabaseError, migrationFailureError } from "./script-errors.mjs";

const migrationsList = {
  migrationDirectories: [
    { path: "20250101000000_init", migrationFile: { content: { tag: "ok", value: "CREATE TABLE a (id int);" } } },
    { path: "20250102000000_broken", migrationFile: { content: { tag: "ok", value: "SELEC 1;" } } },
  ],
};
const syntaxError = { severity: "ERROR", code: "42601", message: 'syntax error at or near "SELEC"', position: "1" };

describe("migrationFailureError (P3018 in place of 'external connector error')", () => {
  it("names the migration whose script failed and the database error", () => {
    const error = migrationFailureError({ migrationsList }, { script: "SELEC 1;", error: syntaxError });
    expect(error?.code).toBe("P3018");
    expect(error?.meta).toEqual({
      migration_name: "20250102000000_broken",
      database_error_code: "42601",
      database_error: 'ERROR: syntax error at or near "SELEC"\nPosition: 1',
    });
    expect(error?.message).toContain("A migration failed to apply.");
    expect(error?.message).toContain("Migration name: 20250102000000_broken");
  });

  it("falls back to the migration name found in the engine's trace", () => {
    const error = migrationFailureError({ migrationsList }, { script: "other", error: syntaxError }, "20250103_x");
    expect(error?.meta.migration_name).toBe("20250103_x");
  });

  it("gives up without a script failure or a name", () => {
    expect(migrationFailureError({ migrationsList }, null)).toBeNull();
    expect(migrationFailureError({ migrationsList }, { script: "other", error: syntaxError })).toBeNull();
  });
});

describe("formatDatabaseError", () => {
  it("shows detail and hint like psql", () => {
    expect(formatDatabaseError({ message: "boom", detail: "Key (a)=(1) exists.", hint: "Try again" })).toBe(
      "ERROR: boom\nDETAIL: Key (a)=(1) exists.\nHINT: Try again",
    );
  });
});
