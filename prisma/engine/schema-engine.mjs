#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary, for installs that can reach an npm mirror
// but not Prisma's binary host (air-gapped government deployments). The Prisma CLI runs it
// when PRISMA_SCHEMA_ENGINE_BINARY points here (prisma.config.ts sets that); it speaks the
// CLI's JSON-RPC protocol and delegates the work to @prisma/schema-engine-wasm, connected
// through @prisma/adapter-pg (postgresql://…) or PGlite (pglite:<dir>). See README.md.

import { installStdioGuards, log, writeStdoutRaw } from "./log.mjs";

// Before anything else is loaded: stdout carries the protocol and stderr must be JSON only.
installStdioGuards();

const { parseEngineArgs } = await import("./args.mjs");

/**
 * @param {string[]} argv
 * @returns {Promise<number>} exit code
 */
async function main(argv) {
  let args;
  try {
    args = parseEngineArgs(argv);
  } catch (error) {
    log("ERROR", /** @type {Error} */ (error).message);
    return 1;
  }
  for (const token of args.unknown) log("WARN", `Ignoring unknown argument ${token}`);

  if (args.version) {
    const { wasmEngineVersion } = await import("./wasm-engine.mjs");
    writeStdoutRaw(`schema-engine-cli ${await wasmEngineVersion()} (wasm shim)\n`);
    return 0;
  }
  if (args.help) {
    writeStdoutRaw(
      "Usage: schema-engine.mjs [--datamodels <path>]... [--datasource <json>] [cli <command>]\n" +
        "Stand-in for Prisma's schema engine, backed by @prisma/schema-engine-wasm.\n",
    );
    return 0;
  }
  if (args.cliCommand) {
    const { runCliCommand } = await import("./cli-commands.mjs");
    return runCliCommand(args.cliCommand, args.datasource, { cwd: process.cwd() });
  }

  const { serveRpc } = await import("./rpc-server.mjs");
  await serveRpc({ datamodelPaths: args.datamodels, datasource: args.datasource, cwd: process.cwd() });
  return 0;
}

try {
  const code = await main(process.argv.slice(2));
  process.exit(code);
} catch (error) {
  log("ERROR", `Schema engine shim failed: ${/** @type {Error} */ (error)?.stack ?? String(error)}`);
  process.exit(1);
}
