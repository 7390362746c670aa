// The JSON-RPC 2.0 server the Prisma CLI talks to: one request per line on stdin, one response
// per line on stdout, handled one at a time by the wasm schema engine (engine-session.mjs).
//  - `diff`: the wasm engine returns {exitCode, stdout} instead of printing; we send the CLI a
//    `print` request with stdout, wait for its answer, then answer {exitCode}.
//  - Shutdown: the CLI ends stdin and sends SIGTERM at once, without waiting; we finish the
//    work in hand, close the databases (PGlite must be closed to keep its data) and return.

import fs from "node:fs";
import readline from "node:readline";
import { createEngineSession, describe } from "./engine-session.mjs";
import { log, writeProtocolLine } from "./log.mjs";

/** Methods the CLI may call (the wasm engine's names, plus getDatabaseVersion for `version`). */
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "getDatabaseVersion",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);
const PRINT_ACK_TIMEOUT_MS = 10_000;

/**
 * @typedef {{ jsonrpc?: string, id?: number | string, method?: string, params?: any, result?: unknown, error?: unknown }} RpcMessage
 * @typedef {{ code: number, message: string, data?: Record<string, unknown> }} RpcError
 */

/**
 * Serves JSON-RPC requests on stdin/stdout until stdin ends or SIGTERM/SIGINT arrives.
 * @param {{ datamodelPaths: string[], datasource: { url?: string, shadowDatabaseUrl?: string } | null, cwd: string }} options
 * @returns {Promise<void>} resolves when every request is answered and the databases are closed.
 */
export async function serveRpc({ datamodelPaths, datasource, cwd }) {
  const datamodels = datamodelPaths.map(
    (file) => /** @type {[string, string]} */ ([file, fs.readFileSync(file, "utf8")]),
  );
  const session = createEngineSession({ datamodels, datasource: datasource ?? {}, cwd });

  /** @type {Map<number, () => void>} */
  const printAcks = new Map();
  let nextPrintId = 1;
  /** @param {string} content */
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      const timer = setTimeout(() => printAcks.delete(id) && resolve(undefined), PRINT_ACK_TIMEOUT_MS);
      printAcks.set(id, () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      writeProtocolLine({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  /** @param {RpcMessage} request */
  const handle = async (request) => {
    const { id, method = "", params } = request;
    if (!ENGINE_METHODS.has(method)) {
      return { jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } };
    }
    try {
      if (method === "diff") {
        const result = await session.call("diff", params);
        // The CLI appends a newline to what it prints.
        if (typeof result?.stdout === "string" && result.stdout !== "") await print(result.stdout.replace(/\n$/, ""));
        return { jsonrpc: "2.0", id, result: { exitCode: result?.exitCode ?? 0 } };
      }
      const result = await session.call(method, params);
      return { jsonrpc: "2.0", id, result: result === undefined ? null : result };
    } catch (error) {
      return { jsonrpc: "2.0", id, error: toRpcError(error, method) };
    }
  };

  let queue = Promise.resolve();
  let stopping = false;
  /** @type {(value?: unknown) => void} */
  let stopped = () => {};
  const done = new Promise((resolve) => (stopped = resolve));

  const stop = (/** @type {string} */ reason) => {
    if (stopping) return;
    stopping = true;
    log("INFO", `Shutting down (${reason})`);
    queue = queue.then(async () => {
      await session.close();
      stopped();
    });
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    /** @type {RpcMessage} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      writeProtocolLine({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (!message.method) {
      // An answer of the CLI to one of our `print` requests.
      printAcks.get(Number(message.id))?.();
      printAcks.delete(Number(message.id));
      return;
    }
    if (stopping) return;
    queue = queue.then(async () => writeProtocolLine(await handle(message))).catch(() => {});
  });
  lines.on("close", () => stop("stdin closed"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  await done;
}

/**
 * @param {any} error
 * @param {string} method
 * @returns {RpcError}
 */
function toRpcError(error, method) {
  const isPanic = Boolean(error?.isPanic) || error instanceof WebAssembly.RuntimeError;
  const message = error?.invalidParams
    ? `Invalid parameters for \`${method}\`: ${describe(error)}`
    : String(error?.message ?? error);
  /** @type {Record<string, unknown>} */
  const data = { is_panic: isPanic, message };
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    data.error_code = error.code;
    data.meta = error.meta ?? {};
  }
  if (isPanic) {
    // The CLI shows the top-level message of a panic (data.message goes to the bug report).
    data.backtrace = error?.stack ?? null;
    return { code: 4466, message, data };
  }
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}
