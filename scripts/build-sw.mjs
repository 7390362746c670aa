/**
 * Builds the offline app after `next build` (scripts/build.mjs calls it):
 *
 * 1. app/_offline/page-script.ts → public/offline.js (registration, the «нет сети» notice, clearing on sign-out);
 * 2. the precache list of the build's static files and the icons (Serwist's getManifest), with URLs
 *    as the browser asks for them (`.next/static/…` → `/_next/static/…`, `public/…` → `/…`);
 * 3. app/_offline/sw.ts → public/sw.js with that list in place of `self.__SW_MANIFEST`.
 *
 * Why not @serwist/next: its classic plugin hooks into webpack (this build is Turbopack), its
 * configurator mode needs @serwist/cli, whose matching release is not in the registry, and
 * @serwist/turbopack compiles the worker inside a route handler with @swc/core. The same two steps
 * the configurator runs (getManifest, then esbuild) fit here in a few lines, with no other tool.
 * Both outputs are git-ignored and left out of the build's source fingerprint.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getManifest } from "@serwist/build";
import { build } from "esbuild";
import { log, root } from "./lib.mjs";

/** The browsers of package.json's browserslist, as esbuild names them. */
const TARGET = ["chrome111", "edge111", "firefox111", "safari16.4"];
export const GENERATED = ["public/sw.js", "public/offline.js"];

/** @param {string} entry @param {string} outfile @param {Record<string, string>} [define] */
async function bundle(entry, outfile, define = {}) {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    format: "iife",
    minify: true,
    target: TARGET,
    tsconfig: path.join(root, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"', ...define },
    legalComments: "none",
    logLevel: "warning",
  });
}

export async function buildServiceWorker() {
  for (const file of GENERATED) rmSync(path.join(root, file), { force: true });
  await bundle("app/_offline/page-script.ts", "public/offline.js");
  const { manifestEntries, size, warnings } = await getManifest({
    globDirectory: root,
    globPatterns: [".next/static/**/*.{js,css,woff2,woff,svg,png,ico}", "public/**/*.{js,svg,png,ico}"],
    globIgnores: ["public/sw.js"],
    modifyURLPrefix: { ".next/static/": "/_next/static/", "public/": "/" },
    // Next's static files carry a content hash in their names: no revision query needed.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  });
  for (const warning of warnings) log(`service worker: ${warning}`);
  await bundle("app/_offline/sw.ts", "public/sw.js", { "self.__SW_MANIFEST": JSON.stringify(manifestEntries) });
  log(`Service worker built: ${manifestEntries?.length ?? 0} files precached (${Math.round(size / 1024)} KB).`);
}

// `npm run build` runs it after `next build`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServiceWorker();
