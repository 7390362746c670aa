/**
 * The baseline of the page figures: a bare node:http server that answers each recorded path
 * with the bytes and headers the app sent for it (bench/lib/pages.ts records them).
 *   node bench/bare-server.mjs <pages.json> <port>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const recorded = JSON.parse(readFileSync(file, "utf8"));
const pages = new Map(Object.entries(recorded).map(([url, p]) => [url, { ...p, body: Buffer.from(p.body, "base64") }]));

createServer((req, res) => {
  const page = pages.get(req.url ?? "");
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(page.status, { ...page.headers, "content-length": page.body.length });
  res.end(page.body);
}).listen(Number(port), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => process.exit(0));
