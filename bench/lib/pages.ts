/**
 * Pages as a client receives them: raw bytes and headers (node:http, no decompression), the
 * bare server that replays them, and the first-load JavaScript of a page (each `<script src>`,
 * gzipped with zlib, summed).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { gzipSync } from "node:zlib";
import { exited } from "~/e2e/ops/cluster";

export type RawPage = { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };

/** Headers that belong to one connection, not to the page. */
const HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawPage> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const kept: http.OutgoingHttpHeaders = {};
          for (const [k, v] of Object.entries(res.headers)) if (!HOP.has(k) && v !== undefined) kept[k] = v;
          resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Starts bench/bare-server.mjs serving `pages` (path → recorded answer) on `port`. */
export async function startBareServer(pages: Map<string, RawPage>, port: number, file: string) {
  const json = Object.fromEntries(
    [...pages].map(([p, page]) => [
      p,
      { status: page.status, headers: page.headers, body: page.body.toString("base64") },
    ]),
  );
  writeFileSync(file, JSON.stringify(json));
  const child: ChildProcess = spawn(process.execPath, ["bench/bare-server.mjs", file, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}

export type PageWeight = { htmlBytes: number; htmlGzipBytes: number; jsGzipBytes: number; scripts: number };

/**
 * HTML bytes of a page and the gzipped size of the scripts a current browser loads: every
 * `<script src>` except `nomodule` ones (Next's legacy polyfills, which module-capable browsers skip).
 */
export async function pageWeight(base: string, path: string, headers: Record<string, string> = {}) {
  const page = await getRaw(`${base}${path}`, headers);
  if (page.status !== 200) throw new Error(`${path}: HTTP ${page.status}`);
  const html = page.body.toString("utf8");
  const srcs = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)>/g)]
        .filter((m) => !/\bnomodule\b/i.test(m[1]!))
        .flatMap((m) => {
          const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
          return src ? [src.replace(/&amp;/g, "&")] : [];
        }),
    ),
  ];
  let js = 0;
  for (const src of srcs) {
    const script = await getRaw(new URL(src, `${base}${path}`).toString());
    if (script.status !== 200) throw new Error(`${src}: HTTP ${script.status}`);
    js += gzipSync(script.body).length;
  }
  return {
    htmlBytes: page.body.length,
    htmlGzipBytes: gzipSync(page.body).length,
    jsGzipBytes: js,
    scripts: srcs.length,
  };
}
