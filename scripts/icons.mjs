#!/usr/bin/env node
/**
 * Writes the web app's icons in public/icons from the favicon's design (a blue tile with «СПО»):
 * 192 and 512 px with rounded corners, and a 512 px maskable one (full bleed, the lettering inside
 * the central 80% safe zone). Run by hand after changing the design; the PNGs are committed.
 * Usage: node scripts/icons.mjs
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { root } from "./lib.mjs";

const BRAND = "#1e40af";
/** The lettering, taken from the favicon (the design's source). */
const favicon = readFileSync(path.join(root, "public", "favicon.svg"), "utf8");
const LETTERS = /<text[^>]*>([^<]+)<\/text>/.exec(favicon)?.[1] ?? "";

/** @param {{ size: number, maskable: boolean }} o */
function svg({ size, maskable }) {
  // A maskable icon may be cut to a circle: the text keeps to the middle 80%, the tile has no corners.
  const radius = maskable ? 0 : size * 0.1875;
  const fontSize = size * (maskable ? 0.28 : 0.34);
  const baseline = size * 0.5 + fontSize * 0.36;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
      `<rect width="${size}" height="${size}" rx="${radius}" fill="${BRAND}"/>` +
      `<text x="${size / 2}" y="${baseline}" font-family="DejaVu Sans, Arial, sans-serif" font-size="${fontSize}" ` +
      `font-weight="700" fill="#fff" text-anchor="middle">${LETTERS}</text></svg>`,
  );
}

const out = path.join(root, "public", "icons");
for (const [name, size, maskable] of /** @type {const} */ ([
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
])) {
  await sharp(svg({ size, maskable })).png({ compressionLevel: 9 }).toFile(path.join(out, name));
  console.log(`public/icons/${name}`);
}
