import { describe, expect, it } from "vitest";
import { parseEngineArgs } from "./args.mjs";

describe("parseEngineArgs", () => {
  it("reads what the CLI passes to a JSON-RPC engine", () => {
    const args = parseEngineArgs([
      "--datamodels",
      "/repo/prisma/schema.prisma",
      "--datamodels",
      "/repo/prisma/more.prisma",
      "--datasource",
      JSON.stringify({ url: "postgresql://u@h/db", shadowDatabaseUrl: "postgresql://u@h/shadow" }),
      "--enabled-preview-features",
      "views, relationJoins",
      "--extension-types",
      '{"types":[]}',
    ]);
    expect(args).toMatchObject({
      version: false,
      datamodels: ["/repo/prisma/schema.prisma", "/repo/prisma/more.prisma"],
      datasource: { url: "postgresql://u@h/db", shadowDatabaseUrl: "postgresql://u@h/shadow" },
      previewFeatures: ["views", "relationJoins"],
      extensionTypes: { types: [] },
      cliCommand: null,
      unknown: [],
    });
  });

  it("reads `cli` subcommands and inline values", () => {
    const args = parseEngineArgs(['--datasource={"url":"file:./.data/pglite"}', "cli", "can-connect-to-database"]);
    expect(args.datasource).toEqual({ url: "file:./.data/pglite" });
    expect(args.cliCommand).toBe("can-connect-to-database");
  });

  it("knows --version and keeps unknown arguments aside", () => {
    const args = parseEngineArgs(["--version", "--frobnicate"]);
    expect(args.version).toBe(true);
    expect(args.unknown).toEqual(["--frobnicate"]);
  });

  it("drops empty URLs from the datasource", () => {
    expect(parseEngineArgs(["--datasource", '{"url":"","shadowDatabaseUrl":""}']).datasource).toEqual({});
  });

  it("rejects a flag without value and malformed JSON", () => {
    expect(() => parseEngineArgs(["--datamodels"])).toThrow(/Missing value for --datamodels/);
    expect(() => parseEngineArgs(["--datasource", "{url"])).toThrow(/--datasource is not valid JSON/);
    expect(() => parseEngineArgs(["--datasource", "[]"])).toThrow(/must be a JSON object/);
    expect(() => parseEngineArgs(["cli"])).toThrow(/Missing subcommand/);
  });
});
