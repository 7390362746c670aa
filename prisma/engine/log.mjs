// JSON-lines logging on stderr, the only format the Prisma CLI accepts from a schema engine.
// The CLI parses every stderr line as JSON; a stray Node warning or console.log breaks it,
// and anything printed on stdout would corrupt the JSON-RPC stream. This module therefore
// takes over console.*, process warnings and stream errors for the whole engine process.

/**
 * @typedef {"ERROR" | "WARN" | "INFO" | "DEBUG" | "TRACE"} LogLevel
 */

const rawStderrWrite = process.stderr.write.bind(process.stderr);
const rawStdoutWrite = process.stdout.write.bind(process.stdout);

/** Target the CLI looks for when it reads errors of `cli can-connect-to-database` and friends. */
export const CLI_ERROR_TARGET = "schema_engine::logger";
const DEFAULT_TARGET = "schema_engine::wasm_shim";

/**
 * Writes one JSON log line on stderr in the engine's tracing format.
 * @param {LogLevel} level
 * @param {string} message
 * @param {{ target?: string, fields?: Record<string, unknown> }} [extra]
 */
export function log(level, message, extra = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra.fields },
    target: extra.target ?? DEFAULT_TARGET,
  };
  writeStderrLine(line);
}

/**
 * Forwards a log line produced by the wasm engine (a JSON string without timestamp).
 * @param {unknown} raw
 */
export function forwardEngineLog(raw) {
  let parsed;
  try {
    parsed = typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== "object") {
    log("INFO", String(raw));
    return;
  }
  const entry = /** @type {Record<string, any>} */ (parsed);
  const fields =
    entry.fields && typeof entry.fields === "object" ? entry.fields : { message: String(entry.message ?? "") };
  if (typeof fields.message !== "string") fields.message = String(fields.message ?? "");
  writeStderrLine({
    timestamp: new Date().toISOString(),
    level: typeof entry.level === "string" ? entry.level : "INFO",
    fields,
    target: typeof entry.target === "string" ? entry.target : DEFAULT_TARGET,
  });
}

/** @param {object} line */
function writeStderrLine(line) {
  try {
    rawStderrWrite(`${JSON.stringify(line)}\n`);
  } catch {
    // stderr closed (the CLI went away): nothing left to tell.
  }
}

/**
 * Writes one JSON-RPC message on stdout (the protocol channel).
 * @param {object} message
 */
export function writeProtocolLine(message) {
  try {
    rawStdoutWrite(`${JSON.stringify(message)}\n`);
  } catch {
    // stdout closed: the CLI no longer listens.
  }
}

/**
 * Writes plain text on stdout (for `--version` and `--help`, outside the protocol).
 * @param {string} text
 */
export function writeStdoutRaw(text) {
  try {
    rawStdoutWrite(text);
  } catch {
    // stdout closed.
  }
}

/** @param {unknown[]} args */
function formatArgs(args) {
  return args
    .map((arg) => (typeof arg === "string" ? arg : arg instanceof Error ? (arg.stack ?? arg.message) : safeJson(arg)))
    .join(" ");
}

/** @param {unknown} value */
function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Makes the process safe to run under the Prisma CLI: console output becomes JSON on stderr,
 * Node warnings become JSON WARN lines, and EPIPE on stdout/stderr (the CLI exits without
 * waiting for the engine) no longer crashes the process before PGlite is closed.
 */
export function installStdioGuards() {
  /** @param {LogLevel} level */
  const toLog =
    (level) =>
    (/** @type {unknown[]} */ ...args) =>
      log(level, formatArgs(args));
  console.log = toLog("INFO");
  console.info = toLog("INFO");
  console.warn = toLog("WARN");
  console.error = toLog("ERROR");
  console.debug = toLog("DEBUG");
  console.trace = toLog("TRACE");
  // Node's own warning printer is an ordinary 'warning' listener installed at bootstrap.
  process.removeAllListeners("warning");
  process.on("warning", (warning) => log("WARN", `${warning.name}: ${warning.message}`));
  // Libraries that write to stdout directly would corrupt the protocol stream.
  process.stdout.write = /** @type {typeof process.stdout.write} */ (
    (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (text.trim() !== "") log("INFO", text.trimEnd());
      const callback = rest.find((arg) => typeof arg === "function");
      if (callback) queueMicrotask(() => callback());
      return true;
    }
  );
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
}
