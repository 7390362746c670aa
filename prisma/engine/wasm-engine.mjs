// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
// The package's root entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
// refuses without --experimental-wasm-modules, so we instantiate the .wasm ourselves with the
// package's JS glue, exactly as that entry would: __wbg_set_wasm, then __wbindgen_start.
// Packages are resolved from this file's location, so the shim works from any cwd.

import fs from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

/**
 * @typedef {typeof import("@prisma/schema-engine-wasm")} WasmGlue
 * @typedef {import("@prisma/schema-engine-wasm").SchemaEngine} WasmSchemaEngine
 */

/** @type {Promise<WasmGlue> | null} */
let gluePromise = null;

/** Message of the last Rust panic inside the wasm engine, until taken. */
let lastPanic = /** @type {string | null} */ (null);
// The engine's panic hook reports the panic message to this host object before trapping
// (Prisma's own loader installs it; without it the hook itself throws a TypeError).
/** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (/** @type {string} */ message) => {
    lastPanic = message;
  },
};

/**
 * Returns and forgets the message of the last panic of the wasm engine.
 * @returns {string | null}
 */
export function takePanicMessage() {
  const message = lastPanic;
  lastPanic = null;
  return message;
}

/**
 * Returns the initialised wasm glue module (loaded once per process).
 * @returns {Promise<WasmGlue>}
 */
export function loadSchemaEngineWasm() {
  gluePromise ??= (async () => {
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = gluePath.replace(/\.js$/, ".wasm");
    const glue = /** @type {WasmGlue & { __wbg_set_wasm: (exports: unknown) => void }} */ (
      await import(pathToFileURL(gluePath).href)
    );
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": /** @type {any} */ (glue),
    });
    glue.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return glue;
  })();
  return gluePromise;
}

/**
 * Version (git hash of prisma-engines) of the wasm engine.
 * @returns {Promise<string>}
 */
export async function wasmEngineVersion() {
  const glue = await loadSchemaEngineWasm();
  return glue.version();
}

/**
 * @typedef {{ consumeError(id: number): { error: unknown } | undefined }} ErrorRegistry
 *   Holds the JavaScript errors the engine only knows as "External error id#N".
 */

/**
 * Wraps a migration-aware driver adapter factory (connect + connectToShadowDb) for the engine.
 * @param {object} adapterFactory
 * @returns {Promise<{ bound: object, errorRegistry: ErrorRegistry }>}
 */
export async function bindAdapterFactory(adapterFactory) {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const bound = bindMigrationAwareSqlAdapterFactory(/** @type {any} */ (adapterFactory));
  return { bound, errorRegistry: bound.errorRegistry };
}

/**
 * Creates a wasm SchemaEngine. Note that SchemaEngine.new already queries the main database
 * (schema existence and server version), and that an adapter error at that point surfaces as
 * an uncaughtException while the returned promise never settles (see rpc-server.mjs).
 * @param {{ datamodels: [string, string][] | undefined, boundFactory: object, onLog: (line: string) => void }} options
 * @returns {Promise<WasmSchemaEngine>}
 */
export async function createWasmEngine({ datamodels, boundFactory, onLog }) {
  const glue = await loadSchemaEngineWasm();
  return glue.SchemaEngine.new({ datamodels }, onLog, boundFactory);
}
