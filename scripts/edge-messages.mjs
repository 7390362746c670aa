/**
 * Messages for answers the HTTP edge gives before the app runs (refused requests, a failure
 * outside the app): the "edgeErrors" namespace of server/i18n/messages/<locale>/server.json, in
 * the language of the request's `lang` cookie (Russian by default). Plain Node: no bundler here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./lib.mjs";

/** @type {Record<string, Record<string, string>>} */
const catalogues = Object.fromEntries(
  ["ru", "en"].map((locale) => [
    locale,
    JSON.parse(readFileSync(path.join(root, "server", "i18n", "messages", locale, "server.json"), "utf8")).edgeErrors,
  ]),
);

/** @param {string | string[] | undefined} cookie */
export function localeOfCookie(cookie) {
  const header = Array.isArray(cookie) ? cookie.join("; ") : (cookie ?? "");
  const match = /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/.exec(header);
  return match && match[1] in catalogues ? match[1] : "ru";
}

/**
 * The text of `key` with `{name}` placeholders filled.
 * @param {string | string[] | undefined} cookie the request's Cookie header
 * @param {string} key
 * @param {Record<string, string | number>} [values]
 */
export function edgeMessage(cookie, key, values = {}) {
  const text = catalogues[localeOfCookie(cookie)]?.[key] ?? catalogues.ru?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}
