import { expect, test, type Page } from "@playwright/test";
import { demo, signIn, waitForWorker } from "../helpers";

const PERSONAL = "spo-personal-v1";
const PAGES = "spo-pages-v1";

/** The paths kept in one of the worker's caches. */
async function cachedPaths(page: Page, cache: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname);
  }, cache);
}

/** Every console error and failed script of a page: the worker's registration must add none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    // Offline, the browser itself reports the requests the page could not make (prefetches, RSC).
    if (m.type() === "error" && !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(m.text()))
      errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test.describe("the ticket and the schedule offline", () => {
  test("a participant's /my, ticket PDF and programme open without a network, saying when they were kept; back online the notice goes", async ({
    page,
    context,
  }) => {
    const errors = watchErrors(page);
    await signIn(page, demo.participant, "/my");
    await waitForWorker(page);
    // The first /my came before the worker: load it again through the worker, with the PDF and the programme.
    await page.reload();
    const online = await page.getByRole("heading", { level: 2 }).allInnerTexts();
    const pdfOnline = await page.evaluate(async () => (await fetch("/my/ticket.pdf")).status);
    expect(pdfOnline).toBe(200);
    await page.goto("/programme");
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    await page.goto("/my");
    await expect.poll(() => cachedPaths(page, PERSONAL)).toEqual(expect.arrayContaining(["/my", "/my/ticket.pdf"]));
    await expect.poll(() => cachedPaths(page, PAGES)).toContain("/programme");

    await context.setOffline(true);
    await page.reload();
    const notice = page.getByRole("status").filter({ hasText: "Нет сети" });
    await expect(notice).toBeVisible();
    // At the top of the page, in view (not pushed above it by the browser's scroll anchoring).
    await expect(notice).toBeInViewport();
    await expect(notice).toHaveText(/^Нет сети — показана версия от \d{1,2} [а-я]+,? (в )?\d{2}:\d{2}$/);
    const ticket = page.getByRole("region", { name: "Билет участника" });
    await expect(ticket.getByRole("img", { name: "QR-код билета участника" })).toBeVisible();
    expect(await ticket.getByRole("img").getAttribute("data-ticket-secret")).toBeTruthy();
    // The schedule: the same days and sections as online.
    expect(await page.getByRole("heading", { level: 2 }).allInnerTexts()).toEqual(online);

    // The ticket PDF, fetched by the page with no network.
    const pdf = await page.evaluate(async () => {
      const response = await fetch("/my/ticket.pdf");
      const head = new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5));
      return { status: response.status, type: response.headers.get("content-type"), head };
    });
    expect(pdf).toEqual({ status: 200, type: expect.stringContaining("application/pdf"), head: "%PDF-" });

    await page.goto("/programme");
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    await expect(notice).toBeVisible();

    // Back online the page reloads itself from the network once the site answers: no notice.
    await context.setOffline(false);
    await expect(notice).toBeHidden({ timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    await page.goto("/my");
    await expect(page.getByRole("heading", { level: 1, name: "Моя программа" })).toBeVisible();
    await expect(notice).toBeHidden();
    expect(errors).toEqual([]);
  });

  test("signing out clears what was kept: offline, /my is not shown from the cache", async ({ page, context }) => {
    await signIn(page, demo.participant2, "/my");
    await waitForWorker(page);
    await page.reload();
    await page.goto("/programme");
    await page.goto("/my");
    await expect.poll(() => cachedPaths(page, PERSONAL)).toContain("/my");

    await page.getByRole("banner").getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect.poll(() => cachedPaths(page, PERSONAL)).toEqual([]);
    await expect.poll(() => cachedPaths(page, PAGES)).toEqual([]);

    await context.setOffline(true);
    await expect(page.goto("/my")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
    await context.setOffline(false);
  });

  test("a session that ended without signing out: the next page from the network clears the previous person's copies", async ({
    page,
    context,
  }) => {
    await signIn(page, demo.participant2, "/my");
    await waitForWorker(page);
    await page.reload();
    await expect.poll(() => cachedPaths(page, PERSONAL)).toContain("/my");

    // The session cookie is gone (expired, or the browser dropped it): a guest page says nobody is signed in.
    await context.clearCookies();
    await page.goto("/programme");
    await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
    await expect.poll(() => cachedPaths(page, PERSONAL)).toEqual([]);

    await context.setOffline(true);
    await expect(page.goto("/my")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
    await context.setOffline(false);
  });
});
