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
/** A demo session with a single seat (contract with the seed, shared with e2e/booking). */
const ONE_SEAT = "Консультация эксперта: аудит образовательной программы колледжа";
const GUEST_PAGES = [
  "/",
  "/programme?day=2025-08-26",
  // Today in the e2e run (FORUM_CLOCK): «Сейчас идёт / Далее» and the marks, in both views.
  "/programme?view=cards",
  "/programme?view=compact",
  "/programme?q=%D1%80%D0%BE%D0%B1%D0%BE%D1%82&view=compact",
  "/speakers",
  "/register",
  "/signin",
  "/august-meeting",
  "/reset",
  "/verify/ABCDEFGHJKMN",
];

/** Pages that show live figures (e2e/organiser/dashboard.spec.ts checks them with data too). */
const ORGANISER_LIVE_PAGES = ["/organiser/dashboard", "/organiser/feedback"];

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

  test("a full session's page, with the same-time alternatives under its headings, has no axe violations", async ({
    page,
    browser,
  }) => {
    // participant2 takes the only seat; the participant then sees «мест нет» and the alternatives.
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, demo.participant2, "/programme?day=2025-08-27");
    const seat = other
      .getByRole("article")
      .filter({ has: other.getByRole("heading", { name: ONE_SEAT, exact: true }) });
    const book = seat.getByRole("button", { name: "Записаться" });
    await expect(book.or(seat.getByRole("button", { name: "Отменить запись" }))).toBeVisible();
    if (await book.isVisible()) await book.click();
    const cancel = seat.getByRole("button", { name: "Отменить запись" });
    await expect(cancel).toBeVisible();

    await signIn(page, demo.participant, "/programme?day=2025-08-27");
    const href = await page.getByRole("link", { name: ONE_SEAT, exact: true }).first().getAttribute("href");
    await page.goto(href!);
    await expect(page.getByRole("heading", { level: 3, name: "Есть места в это же время" })).toBeVisible();
    expect(await violations(page), "full session page").toEqual([]);

    await cancel.click();
    await seat.getByRole("button", { name: "Да, отменить" }).click();
    await expect(book).toBeVisible();
    await otherContext.close();
  });

  test("a delegate's /august-meeting and /my (the application panel) have no axe violations", async ({ page }) => {
    const email = `e2e-axe-${Date.now()}@example.ru`;
    const password = "axe-delegate-password-2025";
    await registerAndConfirm(page, {
      email,
      password,
      surname: `Аксова${Date.now().toString(36).replace(/\d/g, "")}`,
      region: "Калужская область",
      organisation: "Министерство образования Калужской области",
      position: "Министр образования",
      category: "Орган управления образованием субъекта РФ",
    });
    await signIn(page, { email, password }, "/august-meeting");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Подать заявку" }) });
    // A member, not the head: the e2e/august spec registers the head of its region.
    await form.getByRole("radio", { name: /Член делегации/ }).check();
    // A question with its agenda topic: the panel then shows the two wide name–value groups too.
    await form.getByLabel("Вопрос или предложение (необязательно)").fill("Как учитывать прогнозы рынка труда?");
    await form
      .getByRole("combobox", { name: "Тема повестки для вопроса или предложения" })
      .selectOption({ label: "Синхронизация подготовки кадров с прогнозами рынка труда" });
    await form.getByRole("button", { name: "Подать заявку" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Состояние заявки" })).toBeVisible();
    expect(await violations(page), "/august-meeting of a delegate").toEqual([]);
    await expect(page.getByText("Как учитывать прогнозы рынка труда?")).toBeVisible();
    await check(page, "/my");
    await expect(page.getByText("Как учитывать прогнозы рынка труда?")).toBeVisible();
  });

  test("organiser pages have no axe violations", async ({ page }) => {
    // Sixteen page states with axe each: about two minutes on a busy 2-core machine, so room for four times that.
    test.setTimeout(480_000);
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
      "/organiser/checkin",
      "/checkin",
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

  // Their own test: the list above already fills most of a test's time on a busy machine.
  test("the organisers' dashboard and feedback pages have no axe violations, on a desktop and at 360 px", async ({
    page,
  }) => {
    await signIn(page, demo.organiser, "/organiser");
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ORGANISER_LIVE_PAGES) await check(page, path);
    }
  });

  test("the cheap phone: a favicon, guest pages the back/forward cache may keep, the demo note folded", async ({
    page,
    request,
  }) => {
    for (const icon of ["/favicon.ico", "/favicon.svg"]) {
      const res = await request.get(icon);
      expect(res.status(), icon).toBe(200);
      expect(res.headers()["content-type"], icon).toMatch(/^image\//);
    }
    for (const path of ["/", "/programme", "/speakers"]) {
      const res = await request.get(path);
      // no-store keeps a page out of the back/forward cache; guest pages are revalidated instead.
      expect(res.headers()["cache-control"], path).not.toMatch(/no-store/);
    }
    await page.goto("/programme");
    const note = page.getByRole("note");
    await expect(note.getByText("Демонстрационные данные — подробнее")).toBeVisible();
    await expect(note.getByText(/сгенерированы для примера/)).toBeHidden();
    await note.getByText("Демонстрационные данные — подробнее").click();
    await expect(note.getByText(/сгенерированы для примера/)).toBeVisible();
  });

  test("admin pages have no axe violations", async ({ page }) => {
    await signIn(page, demo.admin, "/admin/users");
    for (const path of ["/admin/users", "/admin/audit", "/admin/track-editors", "/organiser"]) await check(page, path);
  });
});
