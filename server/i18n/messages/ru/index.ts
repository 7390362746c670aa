/**
 * Russian messages, one JSON file per area so that areas can grow independently.
 * Top-level keys (namespaces) must not repeat across files: a test checks it.
 */
import common from "./common.json";
import programme from "./programme.json";

export const parts: Record<string, Record<string, unknown>> = { common, programme };

export const messages: Record<string, unknown> = Object.assign({}, ...Object.values(parts));
