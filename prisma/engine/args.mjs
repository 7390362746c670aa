// Command-line arguments of the schema engine, as the Prisma CLI passes them:
//   <bin> [--datamodels <abs path>]… [--datasource '<json {url, shadowDatabaseUrl?}>']
//         [--enabled-preview-features a,b] [--extension-types <json>] [cli <command>]
// Pure: no I/O, so it is unit-tested directly.

/**
 * @typedef {{ url?: string, shadowDatabaseUrl?: string }} DatasourceArg
 * @typedef {{
 *   version: boolean,
 *   help: boolean,
 *   datamodels: string[],
 *   datasource: DatasourceArg | null,
 *   previewFeatures: string[],
 *   extensionTypes: unknown,
 *   cliCommand: string | null,
 *   unknown: string[],
 * }} EngineArgs
 */

/** Subcommands of `<bin> cli …` the shim implements. */
export const CLI_COMMANDS = /** @type {const} */ (["can-connect-to-database", "create-database", "drop-database"]);

/**
 * Parses the engine's argv (without `node` and the script path).
 * @param {readonly string[]} argv
 * @returns {EngineArgs}
 * @throws {Error} on a flag without its value or malformed JSON.
 */
export function parseEngineArgs(argv) {
  /** @type {EngineArgs} */
  const args = {
    version: false,
    help: false,
    datamodels: [],
    datasource: null,
    previewFeatures: [],
    extensionTypes: null,
    cliCommand: null,
    unknown: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const token = /** @type {string} */ (argv[i]);
    const [flag, inlineValue] = splitInline(token);
    const value = () => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[++i];
      if (next === undefined) throw new Error(`Missing value for ${flag}`);
      return next;
    };
    switch (flag) {
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "--datamodels":
      case "-d":
        args.datamodels.push(value());
        break;
      case "--datasource":
        args.datasource = parseDatasource(value());
        break;
      case "--enabled-preview-features":
        args.previewFeatures.push(...splitList(value()));
        break;
      case "--extension-types":
        args.extensionTypes = parseJson(value(), "--extension-types");
        break;
      case "cli": {
        const command = argv[++i];
        if (command === undefined) throw new Error("Missing subcommand after `cli`");
        args.cliCommand = command;
        break;
      }
      default:
        args.unknown.push(token);
    }
  }
  return args;
}

/**
 * @param {string} token
 * @returns {[string, string | undefined]}
 */
function splitInline(token) {
  if (!token.startsWith("--")) return [token, undefined];
  const eq = token.indexOf("=");
  return eq === -1 ? [token, undefined] : [token.slice(0, eq), token.slice(eq + 1)];
}

/** @param {string} value */
function splitList(value) {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * @param {string} text
 * @param {string} flag
 */
function parseJson(text, flag) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${flag} is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * @param {string} text
 * @returns {DatasourceArg}
 */
function parseDatasource(text) {
  const parsed = parseJson(text, "--datasource");
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error('--datasource must be a JSON object like {"url": "…"}');
  }
  /** @type {DatasourceArg} */
  const datasource = {};
  if (typeof parsed.url === "string" && parsed.url !== "") datasource.url = parsed.url;
  if (typeof parsed.shadowDatabaseUrl === "string" && parsed.shadowDatabaseUrl !== "") {
    datasource.shadowDatabaseUrl = parsed.shadowDatabaseUrl;
  }
  return datasource;
}
