import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { cacheKey, createPageCache, scriptHashes, withHashes, withoutNonce } from "./page-cache.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'nonce-abc123'; object-src 'none'";
const INLINE = 'self.__next_f.push([1,"hello"])';

type Render = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** A page like Next's: headers, then the body in chunks; the nonce from the request's policy. */
function nextLike(calls: { n: number; policies: string[] }, over: { status?: number; cookie?: boolean } = {}): Render {
  return async (req, res) => {
    calls.n += 1;
    const policy = String(req.headers["content-security-policy"] ?? "");
    calls.policies.push(policy);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    res.statusCode = over.status ?? 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    if (over.cookie) res.setHeader("set-cookie", "a=b");
    res.write(`<!DOCTYPE html><html><head><script src="/_next/a.js"${nonce ? ` nonce="${nonce}"` : ""}></script>`);
    await new Promise((r) => setTimeout(r, 5));
    res.write(`</head><body>${"программа ".repeat(300)}<script${nonce ? ` nonce="${nonce}"` : ""}>${INLINE}</script>`);
    res.end(`<p>render ${calls.n}</p></body></html>`);
  };
}

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

async function serve(cache: ReturnType<typeof createPageCache>, render: Render) {
  const server = http.createServer((req, res) => {
    res.setHeader("content-security-policy", POLICY);
    req.headers["content-security-policy"] = POLICY;
    void cache.handle(req, res, render);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function setup(render: (calls: { n: number; policies: string[] }) => Render) {
  const state = { version: 1 };
  const calls = { n: 0, policies: [] as string[] };
  const cache = createPageCache({ version: async () => state.version, pollMs: 60_000 });
  return { state, calls, cache, render: render(calls) };
}

describe("which requests share a cached page", () => {
  const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });
  it("guest GETs of the public pages, keyed on the URL and the cookies that change a guest page", () => {
    for (const url of [
      "/",
      "/programme",
      "/programme?day=2025-08-27&q=кадры",
      "/programme.ics",
      "/sessions/abc",
      "/speakers",
      "/speakers/x1",
      "/programme/changes",
    ]) {
      expect(cacheKey(req(url))).not.toBeNull();
    }
    expect(cacheKey(req("/programme", { cookie: "lang=en" }))).not.toBe(cacheKey(req("/programme")));
    expect(cacheKey(req("/programme", { cookie: "theme=x" }))).toBe(cacheKey(req("/programme")));
    expect(cacheKey(req("/programme", {}, "HEAD"))).toBe(cacheKey(req("/programme")));
  });
  it("keeps the remembered view, the language and the dismissed demo note apart (issue 11)", () => {
    const guest = cacheKey(req("/programme"));
    const compact = cacheKey(req("/programme", { cookie: "view=compact" }));
    expect(compact).not.toBeNull();
    expect(compact).not.toBe(guest);
    expect(cacheKey(req("/programme", { cookie: "theme=1; view=compact" }))).toBe(compact);
    expect(cacheKey(req("/programme", { cookie: "view=compact; lang=en" }))).not.toBe(compact);
    expect(cacheKey(req("/programme", { cookie: "lang=en; view=compact" }))).toBe(
      cacheKey(req("/programme", { cookie: "view=compact; lang=en" })),
    );
    // The URL's view is part of the URL: ?view=cards with a compact cookie is a page of its own.
    expect(cacheKey(req("/programme?view=cards", { cookie: "view=compact" }))).not.toBe(compact);
    expect(cacheKey(req("/programme?view=cards", { cookie: "view=compact" }))).not.toBe(
      cacheKey(req("/programme?view=cards")),
    );
    expect(cacheKey(req("/sessions/abc", { cookie: "demo=hidden" }))).not.toBe(cacheKey(req("/sessions/abc")));
    // The switch itself sets the cookie: never cached.
    expect(cacheKey(req("/programme/view?view=compact"))).toBeNull();
  });
  it("never a signed-in person's request, a client navigation, a mutation or a private page", () => {
    expect(cacheKey(req("/programme", { cookie: "a=1; authjs.session-token=xyz" }))).toBeNull();
    expect(cacheKey(req("/programme", { cookie: "__Secure-authjs.session-token.0=xyz" }))).toBeNull();
    expect(cacheKey(req("/programme", { rsc: "1" }))).toBeNull();
    expect(cacheKey(req("/programme", {}, "POST"))).toBeNull();
    for (const url of ["/my", "/organiser", "/api/trpc/programme.list", "/sessions/a/b", "/account"]) {
      expect(cacheKey(req(url))).toBeNull();
    }
  });
});

describe("the policy of a shared page", () => {
  it("carries the hash of each inline script instead of a nonce", () => {
    const html = `<script src="/x.js"></script><script>${INLINE}</script><script id="a">${INLINE}</script>`;
    const hash = `'sha256-${createHash("sha256").update(INLINE).digest("base64")}'`;
    expect(scriptHashes(html)).toEqual([hash]);
    expect(withoutNonce(POLICY)).toBe("default-src 'self'; script-src 'self'; object-src 'none'");
    expect(withHashes(POLICY, [hash])).toBe(`default-src 'self'; script-src 'self' ${hash}; object-src 'none'`);
  });
});

describe("the guest page cache", () => {
  it("renders once without a nonce, then serves the same bytes with the hash policy, an ETag and gzip", async () => {
    const { cache, calls, render } = setup((c) => nextLike(c));
    await cache.poll();
    const base = await serve(cache, render);
    const first = await fetch(`${base}/programme`);
    const body = await first.text();
    expect(body).toContain("render 1");
    expect(body).not.toContain("nonce=");
    expect(calls.policies[0]).not.toContain("nonce");
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toContain(`'sha256-${createHash("sha256").update(INLINE).digest("base64")}'`);
    expect(csp).not.toContain("nonce");
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("vary")).toContain("Cookie");

    const second = await fetch(`${base}/programme`);
    expect(await second.text()).toBe(body);
    expect(calls.n).toBe(1);
    const etag = second.headers.get("etag")!;
    expect((await fetch(`${base}/programme`, { headers: { "if-none-match": etag } })).status).toBe(304);

    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${base}/programme`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
      });
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe(body);
    expect(calls.n).toBe(1);
  });

  it("renders again when the programme version moves, and at once on the instance that moved it", async () => {
    const { cache, calls, render, state } = setup((c) => nextLike(c));
    await cache.poll();
    const base = await serve(cache, render);
    await fetch(`${base}/programme`);
    await fetch(`${base}/programme`);
    expect(calls.n).toBe(1);
    state.version = 2;
    await cache.poll();
    expect(await (await fetch(`${base}/programme`)).text()).toContain("render 2");

    cache.changed();
    // Not shared until the poll has seen the new version: every request is rendered.
    expect(await (await fetch(`${base}/programme`)).text()).toContain("render 3");
    expect(await (await fetch(`${base}/programme`)).text()).toContain("render 4");
    state.version = 3;
    await cache.poll();
    await fetch(`${base}/programme`);
    expect(await (await fetch(`${base}/programme`)).text()).toContain("render 5");
    expect(calls.n).toBe(5);
  });

  it("shares nothing while the version cannot be read", async () => {
    const calls = { n: 0, policies: [] as string[] };
    const cache = createPageCache({ version: async () => Promise.reject(new Error("db down")), pollMs: 60_000 });
    await cache.poll();
    const base = await serve(cache, nextLike(calls));
    await fetch(`${base}/programme`);
    await fetch(`${base}/programme`);
    expect(calls.n).toBe(2);
    // Rendered per request: the nonce stays.
    expect(calls.policies.every((p) => p.includes("'nonce-abc123'"))).toBe(true);
  });

  it("does not share error pages or responses that set a cookie, but serves them whole", async () => {
    for (const over of [{ status: 404 }, { cookie: true }]) {
      const { cache, calls, render } = setup((c) => nextLike(c, over));
      await cache.poll();
      const base = await serve(cache, render);
      const a = await fetch(`${base}/sessions/gone`);
      expect(a.status).toBe(over.status ?? 200);
      expect(await a.text()).toContain("render 1");
      expect(a.headers.get("content-security-policy")).toContain("'sha256-");
      await fetch(`${base}/sessions/gone`);
      expect(calls.n).toBe(2);
    }
  });

  it("renders once for many guests arriving together", async () => {
    const { cache, calls, render } = setup((c) => nextLike(c));
    await cache.poll();
    const base = await serve(cache, render);
    const bodies = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/speakers`).then((r) => r.text())));
    expect(new Set(bodies).size).toBe(1);
    expect(calls.n).toBe(1);
  });

  it("renders a signed-in person's page for them alone, with the nonce", async () => {
    const { cache, calls, render } = setup((c) => nextLike(c));
    await cache.poll();
    const base = await serve(cache, render);
    await fetch(`${base}/programme`);
    const mine = await fetch(`${base}/programme`, { headers: { cookie: "authjs.session-token=abc" } });
    expect(await mine.text()).toContain('nonce="abc123"');
    expect(calls.n).toBe(2);
  });
});
