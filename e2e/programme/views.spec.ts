import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/**
 * Issue 11, «Programme at a glance»: the compact view beside the cards (switch, cookie, URL),
 * the filters folded on a phone, the dismissable demo note, «Сейчас идёт / Далее» (the e2e server
 * runs with FORUM_CLOCK at 12:45 MSK on 25 August: playwright.config.ts) and smaller cards.
 */

const compactList = (page: Page) => page.getByRole("list", { name: "Программа дня списком" });
const viewSwitch = (page: Page) => page.getByRole("navigation", { name: "Вид программы" });
const PLENARY = "Пленарное заседание «85 лет системе СПО: кадры для технологического лидерства»";
const INDUSTRY = "Кадры для технологического суверенитета: что нужно промышленности к 2030 году";

test.describe("programme views", () => {
  test("compact and back: a time × room grid, remembered in a cookie, the URL wins", async ({ page, context }) => {
    await page.goto("/programme?day=2025-08-27");
    await expect(viewSwitch(page).getByRole("link", { name: "Карточки" })).toHaveAttribute("aria-current", "page");
    await expect(compactList(page)).toHaveCount(0);

    await viewSwitch(page).getByRole("link", { name: "Компактно" }).click();
    await expect(page).toHaveURL(/\/programme\?day=2025-08-27&view=compact$/);
    await expect(viewSwitch(page).getByRole("link", { name: "Компактно" })).toHaveAttribute("aria-current", "page");
    const list = compactList(page);
    await expect(list).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(0);
    // A grid at 1280 px: rooms in columns, a session spanning its duration (16:30–18:00 is
    // taller than 16:30–17:15, which starts in the same row).
    expect(await list.evaluate((el) => getComputedStyle(el).display)).toBe("grid");
    await expect(list.locator("li[aria-hidden=true]", { hasText: "Большой пленарный зал" })).toBeVisible();
    const long = list.getByRole("listitem").filter({ hasText: "16:30–18:00" }).first();
    const short = list.getByRole("listitem").filter({ hasText: "16:30–17:15" });
    const [longBox, shortBox] = [await long.boundingBox(), await short.boundingBox()];
    expect(longBox && shortBox && Math.abs(longBox.y - shortBox.y)).toBeLessThan(2);
    expect(longBox!.height).toBeGreaterThan(shortBox!.height + 10);
    await list.getByRole("link", { name: /Зелёная химия/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Зелёная химия");

    // Remembered: a reload, and the programme without ?view=, are compact.
    await page.goto("/programme?day=2025-08-27&view=compact");
    await page.reload();
    await expect(compactList(page)).toBeVisible();
    await page.goto("/programme?day=2025-08-28");
    await expect(compactList(page)).toBeVisible();
    expect((await context.cookies()).find((c) => c.name === "view")?.value).toBe("compact");

    // The URL wins over the cookie, and the page's links keep it; the cookie stays as it was.
    await page.goto("/programme?day=2025-08-28&view=cards");
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(compactList(page)).toHaveCount(0);
    await expect(
      page.getByRole("navigation", { name: "Дни форума" }).getByRole("link", { name: /29 августа/ }),
    ).toHaveAttribute("href", "/programme?day=2025-08-29&view=cards");
    await page.goto("/programme?day=2025-08-28");
    await expect(compactList(page)).toBeVisible();

    // And back to the cards, remembered too.
    await viewSwitch(page).getByRole("link", { name: "Карточки" }).click();
    await expect(page).toHaveURL(/day=2025-08-28&view=cards$/);
    await page.goto("/programme?day=2025-08-28");
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(compactList(page)).toHaveCount(0);
  });

  test("a cached guest page follows the view cookie (and a search stays grouped by day)", async ({ browser }) => {
    const compact = await browser.newContext();
    await compact.addCookies([{ name: "view", value: "compact", url: test.info().project.use.baseURL! }]);
    const plain = await browser.newContext();
    for (let round = 0; round < 2; round++) {
      // The second round is answered from the guest page cache.
      const a = await compact.newPage();
      await a.goto("/programme?day=2025-08-26");
      await expect(compactList(a)).toBeVisible();
      await expect(a.getByRole("article")).toHaveCount(0);
      const b = await plain.newPage();
      await b.goto("/programme?day=2025-08-26");
      await expect(b.getByRole("article").first()).toBeVisible();
      await expect(compactList(b)).toHaveCount(0);
      await a.close();
      await b.close();
    }
    const page = await compact.newPage();
    // The closed meeting keeps its hours to itself in the compact view too.
    await page.goto("/programme?day=2025-08-26");
    const closed = page.getByRole("region", { name: "Закрытые мероприятия дня" });
    await expect(closed).toContainText("августовское совещание");
    await expect(closed).not.toContainText("10:00");
    await page.goto("/programme?q=%D1%80%D0%BE%D0%B1%D0%BE%D1%82%D0%BE%D1%82%D0%B5%D1%85%D0%BD%D0%B8%D0%BA%D0%B0");
    await expect(page.getByRole("status")).toContainText("3 мероприятия по всем дням форума");
    for (const day of ["25 августа", "26 августа", "27 августа"]) {
      await expect(page.getByRole("region", { name: new RegExp(day) }).getByRole("link")).toHaveCount(1);
    }
    await expect(page.getByRole("heading", { level: 2, name: /28 августа/ })).toHaveCount(0);
    await compact.close();
    await plain.close();
  });

  test("at 360 px the filters fold behind «Фильтры», compact rows are one line", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/programme?day=2025-08-27");
    const search = page.getByRole("searchbox", { name: "Поиск" });
    await expect(search).toBeHidden();
    const toggle = page.locator("details.filters-fold > summary");
    await expect(toggle).toHaveText("Фильтры");
    await toggle.click();
    await expect(search).toBeVisible();
    await page.getByLabel("Формат").selectOption({ label: "Круглый стол" });
    await search.fill("зеленая");
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/format=ROUND_TABLE/);
    await expect(page.getByRole("status")).toContainText("1 мероприятие");
    // Folded again after the search, saying how many filters are on.
    await expect(search).toBeHidden();
    await expect(toggle).toHaveText(/Фильтры\s*2 включено/);

    await page.goto("/programme?day=2025-08-27&view=compact");
    const list = compactList(page);
    await expect(list).toBeVisible();
    const row = list.getByRole("listitem").filter({ hasText: "Зелёная химия" });
    await expect(row).toContainText(/\d\d:\d\d–\d\d:\d\d/);
    expect((await row.boundingBox())!.height).toBeLessThan(48);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("the demo note can be hidden, and stays hidden (with or without JavaScript)", async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/programme?day=2025-08-26");
      await expect(page.getByRole("note")).toContainText("Демонстрационные данные");
      await page.getByRole("button", { name: "Скрыть заметку о демонстрационных данных" }).click();
      await expect(page).toHaveURL(/\/programme\?day=2025-08-26$/);
      await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
      await expect(page.getByRole("note")).toHaveCount(0);
      await page.reload();
      await expect(page.getByRole("note")).toHaveCount(0);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("note")).toHaveCount(0);
      await context.close();
    }
    // Someone else still sees it.
    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto("/programme");
    await expect(page.getByRole("note")).toContainText("Демонстрационные данные");
    await other.close();
  });

  test("a signed-in participant gets the compact view too (rendered per request), and the cards with booking", async ({
    page,
  }) => {
    await signIn(page, demo.participant, "/programme?day=2025-08-27&view=compact");
    await expect(compactList(page).getByRole("link", { name: /Зелёная химия/ })).toBeVisible();
    await viewSwitch(page).getByRole("link", { name: "Карточки" }).click();
    await expect(page).toHaveURL(/day=2025-08-27&view=cards$/);
    await expect(page.getByRole("button", { name: /Записаться/ }).first()).toBeVisible();
  });

  test("«Сейчас идёт / Далее» jumps to the current slot on today's programme", async ({ page }) => {
    await page.goto("/programme");
    const jump = page.getByRole("navigation", { name: "Сейчас идёт и далее" });
    // 12:45 on 25 August: the 12:30 slot runs, the plenary (10:00–12:00) is over, 15:00 is next.
    const now = jump.getByRole("link", { name: /^Сейчас идёт: 6 мероприятий$/ });
    await expect(now).toHaveAttribute("href", "#slot-2025-08-25T09:30:00.000Z");
    await expect(jump.getByRole("link", { name: "Далее, в 15:00: 7 мероприятий" })).toHaveAttribute(
      "href",
      "#slot-2025-08-25T12:00:00.000Z",
    );
    await now.click();
    const slot = page.getByRole("heading", { level: 2, name: /^12:30 идёт сейчас/ });
    await expect(slot).toBeInViewport();
    await expect(page.getByRole("heading", { level: 2, name: /^15:00 далее/ })).toBeVisible();

    await page.goto("/programme?view=compact");
    await jump.getByRole("link", { name: /^Сейчас идёт/ }).click();
    await expect(page.locator("[id='slot-2025-08-25T09:30:00.000Z']")).toBeInViewport();
    await expect(compactList(page).getByRole("listitem").filter({ hasText: "идёт сейчас" })).toHaveCount(6);

    // Another day, or a search, has no «now».
    await page.goto("/programme?day=2025-08-26&view=cards");
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    await expect(jump).toHaveCount(0);
  });

  test("cards say less: seats once, the first speakers and «ещё N», the track as a link", async ({ page }) => {
    await page.goto("/programme?day=2025-08-25&view=cards");
    const card = (title: string) =>
      page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    const plenary = card(PLENARY);
    await expect(plenary).toContainText(/Спикеры: [^.]+, [^.]+ и ещё 4\./);
    // Free entry says so once (the card no longer adds «без ограничения мест» beside it).
    await expect(plenary.getByTestId("seat-line")).toHaveText("Свободный вход");
    await expect(plenary).not.toContainText("без ограничения мест");
    const industry = card(INDUSTRY);
    await expect(industry.getByTestId("seat-line")).toHaveText(/осталось \d+ мест/);
    // The seats once: «осталось N мест», no capacity line beside it.
    expect((await industry.innerText()).match(/мест/g)).toHaveLength(1);
    await industry.getByRole("link", { name: "Технологический суверенитет" }).click();
    await expect(page).toHaveURL(/\/programme\?day=2025-08-25&track=sovereignty$/);
    for (const c of await page.getByRole("article").all()) await expect(c).toContainText("Технологический суверенитет");
  });
});
