import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, registerAndConfirm, signIn } from "../helpers";

/**
 * Automated accessibility checks (axe-core: WCAG 2.0/2.1/2.2 A and AA rules and best practice)
 * on every page state the audit of issue 15 used: guest, participant, delegate, organiser and
 * admin; pages with content; error states (404, 403, a form with errors); and a 360 px phone.
 */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join("; ")}`,
  );
}

async function check(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  expect(await violations(page), path).toEqual([]);
}

const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";
const GUEST_PAGES = [
  "/",
  "/programme?day=2025-08-26",
  "/speakers",
  "/register",
  "/signin",
  "/august-meeting",
  "/reset",
];

/** The full page of a demo session with speakers and a description (found from the programme). */
async function sessionPath(page: Page): Promise<string> {
  await page.goto("/programme?day=2025-08-25");
  const href = await page.getByRole("link", { name: EXAM, exact: true }).first().getAttribute("href");
  expect(href).toMatch(/^\/sessions\//);
  return href!;
}

test.describe("accessibility", () => {
  for (const path of GUEST_PAGES) {
    test(`guest page ${path} has no axe violations`, async ({ page }) => {
      await check(page, path);
    });
  }

  test("guest pages at 360 px, a full session page and a speaker page have no axe violations", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of GUEST_PAGES) await check(page, path);
    const session = await sessionPath(page);
    await check(page, session);
    await page.setViewportSize({ width: 1280, height: 800 });
    await check(page, session);
    await page.goto("/speakers");
    const speaker = await page.locator('main a[href^="/speakers/"]').first().getAttribute("href");
    await check(page, speaker!);
  });

  test("error states: 404, 403 and a form with errors have no axe violations", async ({ page }) => {
    const missing = await page.goto("/sessions/no-such-session");
    expect(missing?.status()).toBe(404);
    await check(page, "/sessions/no-such-session");
    await check(page, "/no-such-page");

    await page.goto("/register");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Проверьте поля" })).toBeFocused();
    expect(await violations(page), "/register with errors").toEqual([]);

    await signIn(page, demo.participant, "/my");
    const forbidden = await page.goto("/organiser");
    expect(forbidden?.status()).toBe(403);
    await expect(page.locator("h1")).toBeVisible();
    expect(await violations(page), "/organiser as a participant").toEqual([]);
  });

  test("participant pages have no axe violations, on a desktop and at 360 px", async ({ page }) => {
    await signIn(page, demo.participant, "/my");
    const session = await sessionPath(page);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ["/my", "/account", "/programme?day=2025-08-25", session, "/august-meeting"])
        await check(page, path);
    }
  });

  test("a delegate's /august-meeting and /my (the application panel) have no axe violations", async ({ page }) => {
    const email = `e2e-axe-${Date.now()}@example.ru`;
    const password = "axe-delegate-password-2025";
    await registerAndConfirm(page, {
      email,
      password,
      surname: `Аксова${Date.now().toString(36).replace(/\d/g, "")}`,
      region: "Тульская область",
      organisation: "Министерство образования Тульской области",
      position: "Министр образования",
      category: "Орган управления образованием субъекта РФ",
    });
    await signIn(page, { email, password }, "/august-meeting");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Подать заявку" }) });
    await form.getByRole("radio", { name: /Руководитель делегации/ }).check();
    await form.getByRole("button", { name: "Подать заявку" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Состояние заявки" })).toBeVisible();
    expect(await violations(page), "/august-meeting of a delegate").toEqual([]);
    await check(page, "/my");
    await expect(page.locator("main dl dt").first()).toBeVisible();
  });

  test("organiser pages have no axe violations", async ({ page }) => {
    await signIn(page, demo.organiser, "/organiser");
    for (const path of [
      "/organiser",
      "/organiser/programme",
      "/organiser/programme?day=2025-08-27",
      "/organiser/programme/sessions",
      "/organiser/programme/sessions/new",
      "/organiser/programme/rooms",
      "/organiser/programme/tracks",
      "/organiser/programme/speakers",
      "/organiser/programme/import",
      "/organiser/august-meeting",
      "/organiser/august-meeting/roll-call",
      "/organiser/august-meeting/questions",
    ])
      await check(page, path);
    // A session's editor with its «Перенести» form.
    await page.goto("/organiser/programme/sessions");
    const editor = await page.getByRole("table").getByRole("link").first().getAttribute("href");
    await check(page, editor!);
    // The «Перенести» dialog on the timetable.
    await page.goto("/organiser/programme?day=2025-08-27");
    await page
      .getByRole("button", { name: /^Перенести «/ })
      .first()
      .click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await violations(page), "move dialog").toEqual([]);
  });

  test("admin pages have no axe violations", async ({ page }) => {
    await signIn(page, demo.admin, "/admin/users");
    for (const path of ["/admin/users", "/admin/audit", "/admin/track-editors", "/organiser"]) await check(page, path);
  });
});
