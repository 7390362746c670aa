/**
 * The process's structured logger (pino): JSON lines in production, pretty lines in development
 * (LOG_FORMAT=pretty|json overrides). Every line written while a request is handled carries that
 * request's id (`reqId`): scripts/serve.mjs runs each request inside `requestContext`.
 * Plain JavaScript so that the server script and the app (bundled by Next) share one instance
 * through globalThis. Log ids, never personal data (no emails, names, phones, query strings).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import pretty from "pino-pretty";

/** @typedef {{ requestId: string }} RequestContext */

/** @type {{ __spoLog?: import("pino").Logger, __spoRequestContext?: AsyncLocalStorage<RequestContext> }} */
const holder = /** @type {never} */ (globalThis);

/** @type {AsyncLocalStorage<RequestContext>} */
export const requestContext = (holder.__spoRequestContext ??= new AsyncLocalStorage());

function createLogger() {
  const format = process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "production" ? "json" : "pretty");
  const options = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { pid: process.pid },
    mixin() {
      const ctx = requestContext.getStore();
      return ctx ? { reqId: ctx.requestId } : {};
    },
  };
  return format === "pretty"
    ? pino(options, pretty({ colorize: true, sync: true, ignore: "pid,hostname" }))
    : pino(options);
}

/** @type {import("pino").Logger} */
export const log = (holder.__spoLog ??= createLogger());
