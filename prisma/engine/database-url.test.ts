import { describe, expect, it } from "vitest";
import {
  databaseName,
  defaultPgliteUrl,
  isPgliteUrl,
  parseDatabaseUrl,
  postgresSchema,
  redactUrl,
  withDatabase,
} from "./database-url.mjs";

function dataDirOf(url: string) {
  const target = parseDatabaseUrl(url);
  if (target.kind !== "pglite") throw new Error(`${url} is not a PGlite URL`);
  return target.dataDir;
}

describe("parseDatabaseUrl", () => {
  it("classifies PostgreSQL URLs and reads their schema", () => {
    expect(parseDatabaseUrl("postgresql://postgres@127.0.0.1:5432/test")).toEqual({
      kind: "postgres",
      url: "postgresql://postgres@127.0.0.1:5432/test",
      schema: "public",
    });
    expect(parseDatabaseUrl("postgres://u:p@db/app?schema=forum").schema).toBe("forum");
  });

  it("resolves file: URLs to absolute PGlite data directories", () => {
    expect(parseDatabaseUrl("file:./.data/pglite", { cwd: "/srv/spo" })).toMatchObject({
      kind: "pglite",
      dataDir: "/srv/spo/.data/pglite",
    });
    expect(dataDirOf("file:/var/lib/spo/db?connection_limit=1")).toBe("/var/lib/spo/db");
    expect(dataDirOf("file:///var/lib/spo%20forum/db")).toBe("/var/lib/spo forum/db");
    expect(dataDirOf("file::memory:")).toBeNull();
  });

  it("rejects other URLs with a message that says what to use", () => {
    expect(() => parseDatabaseUrl("mysql://root:secret@localhost/db")).toThrow(
      /Unsupported database URL "mysql:\/\/root:\*\*\*@localhost\/db".*file:<directory>/,
    );
    expect(() => parseDatabaseUrl("file:")).toThrow(/needs a directory/);
  });
});

describe("URL helpers", () => {
  it("builds the default PGlite URL from the repository root", () => {
    expect(defaultPgliteUrl("/repo")).toBe("file:/repo/.data/pglite");
    expect(isPgliteUrl(defaultPgliteUrl("/repo"))).toBe(true);
  });

  it("points a PostgreSQL URL at another database, keeping the query", () => {
    expect(withDatabase("postgresql://u@h:5432/test?schema=s", "spo_tmp_1")).toBe(
      "postgresql://u@h:5432/spo_tmp_1?schema=s",
    );
    expect(databaseName("postgresql://u@h:5432/spo_tmp_1")).toBe("spo_tmp_1");
    expect(databaseName("postgresql://alice@h:5432")).toBe("alice");
  });

  it("hides passwords and defaults the schema", () => {
    expect(redactUrl("postgresql://u:secret@h/db")).toBe("postgresql://u:***@h/db");
    expect(postgresSchema("not a url")).toBe("public");
  });
});
