// One wasm schema engine (re)created on demand for the JSON-RPC server, and the errors of its
// calls turned into what the native engine would report.
//  - Bug 6: a malformed parameter makes the wasm engine throw an uncaughtException, the call's
//    promise never settles and the instance is unusable afterwards. The same happens when the
//    adapter fails inside SchemaEngine.new (e.g. the PGlite lock is busy). The call is failed
//    with that error and the next call gets a fresh instance.
//  - A Rust panic traps; its message comes from the panic registry (wasm-engine.mjs) and is
//    reported with is_panic, as the native engine does. The instance is replaced.
//  - JavaScript errors of our adapters reach the engine as an opaque "External error id#N";
//    the original is looked up in the adapter factory's error registry.
//  - Bug 8: a failing migration gives "external connector error"; we rebuild P3018.
//  - Bug 9: evaluateDataLoss / createMigration need a warmed-up shadow schema (see below).

import { createEngineAdapters } from "./adapters.mjs";
import { forwardEngineLog, log } from "./log.mjs";
import { migrationFailureError } from "./script-errors.mjs";
import { bindAdapterFactory, createWasmEngine, takePanicMessage } from "./wasm-engine.mjs";

/**
 * @typedef {import("./adapters.mjs").FactoryMode} FactoryMode
 * @typedef {import("./wasm-engine.mjs").ErrorRegistry} ErrorRegistry
 * @typedef {{ mode: FactoryMode, registry: ErrorRegistry | null, engine: Promise<any> }} EngineState
 */

/**
 * @param {{ datamodels: [string, string][], datasource: { url?: string, shadowDatabaseUrl?: string }, cwd: string }} options
 */
export function createEngineSession({ datamodels, datasource, cwd }) {
  /** @type {import("./adapters.mjs").EngineAdapters | null} */
  let adapters = null;
  /** @type {unknown} */
  let setupError = null;
  try {
    adapters = createEngineAdapters({ datasource, cwd });
  } catch (error) {
    setupError = error; // reported by every call, as the native engine does for a bad URL
  }

  /** @type {EngineState | null} */
  let state = null;
  /** @param {FactoryMode} mode */
  const engineFor = (mode) => {
    if (state?.mode === mode) return state;
    if (!adapters) throw setupError;
    const factory = adapters.factoryFor(mode);
    /** @type {EngineState} */
    const next = { mode, registry: null, engine: Promise.resolve() };
    next.engine = (async () => {
      const { bound, errorRegistry } = await bindAdapterFactory(factory);
      next.registry = errorRegistry;
      const engine = await createWasmEngine({
        datamodels: datamodels.length > 0 ? datamodels : undefined,
        boundFactory: bound,
        onLog: forwardEngineLog,
      });
      if (mode === "detached") await adapters?.releaseScratch();
      return engine;
    })();
    next.engine.catch(() => {
      if (state === next) state = null;
    });
    state = next;
    return next;
  };

  /** @type {((error: unknown) => void) | null} */
  let crashInFlight = null;
  const onUncaught = (/** @type {unknown} */ error) => {
    if (crashInFlight) crashInFlight(error);
    else log("ERROR", `Unexpected error outside a request: ${describe(error)}`);
  };
  process.on("uncaughtException", onUncaught);

  /**
   * Calls an engine method (wasm name) and returns its result.
   * @param {string} method
   * @param {any} params
   */
  const call = async (method, params) => {
    if (!WARM_UP_METHODS.has(method) || (params?.migrationsList?.migrationDirectories?.length ?? 0) === 0) {
      return callOnce(method, params);
    }
    /** @type {unknown} */
    let warmUpError = null;
    const warmUp = { migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters };
    await callOnce("diagnoseMigrationHistory", warmUp).catch((error) => (warmUpError = error));
    try {
      return await callOnce(method, params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(describe(error))) throw error;
      // The warm-up's own failure (e.g. a migration that does not apply) is the real cause.
      if (warmUpError) throw warmUpError;
      throw new Error(
        `${describe(error)}\n\nThe wasm schema engine can only replay the migrations on the shadow database ` +
          "once the migrations table exists: run `prisma migrate deploy` (or `migrate dev`) first.",
      );
    }
  };

  /**
   * @param {string} method
   * @param {any} params
   */
  const callOnce = async (method, params) => {
    const current = engineFor(needsMainDatabase(method, params) ? "main" : "detached");
    try {
      return await new Promise((resolve, reject) => {
        crashInFlight = (error) => {
          if (state === current) state = null; // this instance is unusable now
          const original = panicError() ?? externalError(error, current.registry);
          reject(original ?? Object.assign(asError(error), { invalidParams: true }));
        };
        current.engine.then((engine) => invoke(engine, method, params)).then(resolve, reject);
      });
    } catch (error) {
      const panic = panicError();
      if (panic) {
        if (state === current) state = null;
        throw panic;
      }
      throw refineError(error, { method, params, adapters, registry: current.registry });
    } finally {
      crashInFlight = null;
    }
  };

  return {
    call,
    /** Closes every database the engine opened. */
    close: async () => {
      await adapters?.close();
      process.off("uncaughtException", onUncaught);
    },
  };
}

/**
 * Bug 9 (found here, not in the shared notes): the wasm engine's evaluateDataLoss and
 * createMigration cannot replay the migrations on the external shadow database ("PostgreSQL
 * shadow DB must be provided through an external factory") unless the schema of that history
 * is already in the engine's cache. diagnoseMigrationHistory computes it through the external
 * factory (once the migrations table exists, which `migrate dev` ensures by applying first),
 * so it runs first; the real call then hits the cache.
 */
const WARM_UP_METHODS = new Set(["evaluateDataLoss", "createMigration"]);

/**
 * @param {any} engine
 * @param {string} method
 * @param {any} params
 */
async function invoke(engine, method, params) {
  if (method === "getDatabaseVersion") return engine.version(params ?? undefined);
  if (method === "debugPanic") return engine.debugPanic() ?? null;
  return (await engine[method](params)) ?? null;
}

/**
 * Whether a call reads the main database. Only `diff` between migrations, schema files and
 * nothing can do without it.
 * @param {string} method
 * @param {any} params
 */
export function needsMainDatabase(method, params) {
  if (method !== "diff") return true;
  const detached = new Set(["empty", "schemaDatamodel", "migrations"]);
  return !(detached.has(params?.from?.tag) && detached.has(params?.to?.tag));
}

/** A panic of the wasm engine (a Rust panic traps as "RuntimeError: unreachable"), if any. */
function panicError() {
  const message = takePanicMessage();
  return message === null ? null : Object.assign(new Error(message), { isPanic: true });
}

/**
 * @param {unknown} error
 * @param {ErrorRegistry | null} registry
 */
function externalError(error, registry) {
  const id = /External error id#(\d+)/.exec(describe(error))?.[1];
  if (id === undefined || !registry) return undefined;
  const original = registry.consumeError(Number(id))?.error;
  return original === undefined ? undefined : asError(original);
}

/**
 * Turns the wasm engine's error into the one the native engine would give.
 * @param {any} error
 * @param {{ method: string, params: any, adapters: import("./adapters.mjs").EngineAdapters | null, registry: ErrorRegistry | null }} context
 */
function refineError(error, { method, params, adapters, registry }) {
  const failure = adapters?.takeScriptFailure() ?? null;
  const message = describe(error);
  if (method === "applyMigrations" && message.startsWith("external connector error")) {
    const nameInTrace = /migration_name="([^"]+)"/.exec(message)?.[1] ?? null;
    const p3018 = migrationFailureError(params, failure, nameInTrace);
    if (p3018) return Object.assign(new Error(p3018.message), { code: p3018.code, meta: p3018.meta });
  }
  return externalError(error, registry) ?? error;
}

/** @param {unknown} error */
function asError(error) {
  return error instanceof Error ? error : new Error(String(error));
}

/** @param {unknown} error */
export function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
