import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/** Collects every Content-Security-Policy refusal the browser reports on a page. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (/Content Security Policy/i.test(e.message)) violations.push(e.message);
  });
  return violations;
}

test.describe("security headers and the content security policy", () => {
  test("pages rendered per request carry a fresh nonce, shared guest pages the hashes of their scripts; none allows inline script", async ({
    page,
  }) => {
    const violations = watchCsp(page);
    const nonces = new Set<string>();
    const shared = ["/", "/programme?day=2025-08-25", "/speakers"];
    // Each shared page twice: the second answer comes from the guest page cache.
    const paths = [...shared, ...shared, "/register", "/signin", "/august-meeting"];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const h = response!.headers();
      const csp = h["content-security-policy"] ?? "";
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      if (shared.includes(path)) {
        expect(scriptSrc, path).toMatch(/^\s*script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+$/);
        expect(h["etag"], path).toBeTruthy();
      } else {
        expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
        nonces.add(/'nonce-([^']+)'/.exec(scriptSrc)![1]!);
      }
      expect(scriptSrc, path).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"]).toBeTruthy();
    }
    // A fresh nonce for every response rendered per request.
    expect(nonces.size).toBe(3);
    // The shared pages' scripts ran under their hash policies (React took over the page).
    await page.goto("/programme?day=2025-08-25");
    expect(await page.evaluate(() => Boolean((window as { next?: unknown }).next))).toBe(true);

    // Scripts run under the policy: a signed-in person stars and unstars a session.
    await signIn(page, demo.participant2, "/account");
    await page.goto("/programme?day=2025-08-25");
    const star = page.locator("button[aria-pressed]").first();
    await expect(star).toBeEnabled();
    const before = await star.getAttribute("aria-pressed");
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", before === "true" ? "false" : "true");
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", before ?? "false");
    expect(violations).toEqual([]);
  });

  test("a foreign site cannot change anything: 403 for tRPC mutations in any content type and for server actions", async ({
    request,
    baseURL,
  }) => {
    const foreign = { origin: "https://evil.example" };
    const form = await request.post("/api/trpc/booking.rotateCalendarFeed", {
      headers: foreign,
      multipart: { json: "{}" },
    });
    expect(form.status()).toBe(403);
    const json = await request.post("/api/trpc/booking.rotateCalendarFeed", {
      headers: { ...foreign, "content-type": "application/json" },
      data: "{}",
    });
    expect(json.status()).toBe(403);
    const action = await request.post("/account", {
      headers: { ...foreign, "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(action.status()).toBe(403);
    // From the site itself a form-encoded tRPC mutation is refused as well: JSON only.
    const ownForm = await request.post("/api/trpc/booking.rotateCalendarFeed", {
      headers: { origin: new URL(baseURL!).origin },
      form: { a: "1" },
    });
    expect(ownForm.status()).toBe(415);
  });

  test("static files from public/ are served under the same headers: favicon and robots.txt", async ({ request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(ico.headers()["x-content-type-options"]).toBe("nosniff");
    const robots = await request.get("/robots.txt");
    expect(await robots.text()).toContain("Disallow: /my");
  });

  test("bad input in a URL gets a clear 400, never a 500 with internal text", async ({ request }) => {
    for (const path of ["/programme?q=a%00b", "/speakers?q=a%00b", "/speakers?q=%ED%A0%80"]) {
      const r = await request.get(path);
      expect(r.status(), path).toBe(400);
      const body = await r.text();
      expect(body).toContain("недопустимые символы");
      expect(body).not.toMatch(/prisma|postgres|\.data|pglite/i);
    }
    const batch = Array.from({ length: 50 }, () => "programme.edition").join(",");
    expect((await request.get(`/api/trpc/${batch}?batch=1&input={}`)).status()).toBe(400);
  });
});

test("a page that rebinds its DNS to the server cannot read the mail viewer: foreign Host gets 421", async ({
  baseURL,
}) => {
  const url = new URL("/dev/mail", baseURL);
  const status = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        { hostname: "127.0.0.1", port: url.port, path: url.pathname, headers: { host } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
  expect(await status(`evil.example:${url.port}`)).toBe(421);
  // The same request under the site's own name is served (the viewer is on in the test run).
  expect(await status(`localhost:${url.port}`)).toBe(200);
});
