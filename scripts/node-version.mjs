/**
 * The Node.js version check of `npm start` and `npm test`. The requirement is package.json's
 * `engines.node` (">=20.19"), so there is one place to change it. Plain Node, no build step.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** ">=20.19" → { major: 20, minor: 19 }; only that form is used (and accepted) here. */
export function parseMinimum(range) {
  const m = /^\s*>=\s*(\d+)(?:\.(\d+))?(?:\.\d+)?\s*$/.exec(range ?? "");
  if (!m) throw new Error(`package.json engines.node must read ">=MAJOR.MINOR", not ${JSON.stringify(range)}`);
  return { major: Number(m[1]), minor: Number(m[2] ?? 0) };
}

/**
 * Null when `version` ("20.20.2") meets `range`, else one line saying what to install.
 * @param {string} version
 * @param {string} range
 */
export function nodeVersionProblem(version, range) {
  const need = parseMinimum(range);
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  if (major > need.major || (major === need.major && minor >= need.minor)) return null;
  return (
    `Node.js ${need.major}.${need.minor} or newer is needed (package.json "engines"); this is v${version.replace(/^v/, "")}. ` +
    `Install Node.js ${need.major}.${need.minor}+ (22 LTS works too), then run npm install again.`
  );
}

/** The requirement as package.json states it. */
export function requiredNodeRange() {
  return JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines?.node;
}
