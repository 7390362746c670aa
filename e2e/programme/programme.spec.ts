import { expect, test } from "@playwright/test";

test.describe("public programme", () => {
  test("a guest goes from home to a session and its speaker", async ({ page }) => {
    await page.goto("/");
    await expect(
      page.getByRole("heading", { level: 1, name: "Форум среднего профессионального образования" }),
    ).toBeVisible();
    await expect(page.getByRole("note")).toContainText("Демонстрационные данные");
    await expect(page.getByRole("heading", { name: "Тематические треки" })).toBeVisible();

    await page.getByRole("link", { name: "Смотреть программу" }).click();
    await expect(page).toHaveURL(/\/programme$/);
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    await expect(page.getByText("Время московское (МСК).")).toBeVisible();

    // Switch to 26 August: the closed August meeting is there.
    const days = page.getByRole("navigation", { name: "Дни форума" });
    await days.getByRole("link", { name: /26 августа/ }).click();
    await expect(page).toHaveURL(/day=2025-08-26/);
    await expect(days.getByRole("link", { name: /26 августа/ })).toHaveAttribute("aria-current", "page");
    const meeting = page.getByRole("article").filter({ hasText: "августовское совещание" });
    await expect(meeting).toHaveCount(1);
    await expect(meeting.getByText("закрытое")).toBeVisible();
    // Its hours are for accredited delegates: it heads the day in a group of its own.
    await expect(page.getByRole("heading", { level: 2, name: "Закрытые мероприятия дня" })).toBeVisible();
    await expect(meeting.getByText("время — для аккредитованных участников")).toBeVisible();
    await expect(meeting).not.toContainText("10:00");

    // Filter by a track: every card on the page belongs to it, and the URL can be shared.
    const filters = page.getByRole("search", { name: "Фильтры" });
    await filters.getByLabel("Трек").selectOption({ label: "Технологический суверенитет" });
    await filters.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/track=sovereignty/);
    await expect(page).toHaveURL(/day=2025-08-26/);
    const cards = page.getByRole("article");
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) await expect(card).toContainText("Технологический суверенитет");

    // Search a word across the whole forum: the results of every day, grouped by day (the tabs
    // show matches per day and jump to them), whatever day was open.
    await page.goto(
      "/programme?q=%D0%A0%D0%9E%D0%91%D0%9E%D0%A2%D0%9E%D0%A2%D0%95%D0%A5%D0%9D%D0%98%D0%9A%D0%90&day=2025-08-26",
    );
    await expect(page.getByRole("searchbox", { name: "Поиск" })).toHaveValue("РОБОТОТЕХНИКА");
    await expect(page.getByRole("status")).toContainText("по всем дням форума");
    await expect(days.getByRole("link", { name: /25 августа.*\(1\)/ })).toHaveAttribute("href", "#day-2025-08-25");
    const day25 = page.getByRole("region", { name: /25 августа/ });
    const day26 = page.getByRole("region", { name: /26 августа/ });
    await expect(day25.getByRole("article")).toHaveCount(1);
    await expect(day26.getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("region", { name: /27 августа/ }).getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("article")).toHaveCount(3);
    await expect(page.getByRole("heading", { level: 2, name: /28 августа/ })).toHaveCount(0);

    // Open a session on day 1, then its moderator.
    await page.goto(
      "/programme?day=2025-08-25&q=%D0%BF%D1%80%D0%B5%D0%BF%D0%BE%D0%B4%D0%B0%D0%B2%D0%B0%D1%82%D0%B5%D0%BB%D1%8C+%D1%81%D0%BF%D0%BE+%D1%81%D0%B5%D0%B3%D0%BE%D0%B4%D0%BD%D1%8F",
    );
    await page.getByRole("link", { name: "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация",
    );
    await expect(page.getByText("12:30–14:00 МСК")).toBeVisible();
    await expect(page.getByText("Зал «Угра»")).toBeVisible();
    await page.getByRole("link", { name: "Верховская Нина Аркадьевна" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Верховская Нина Аркадьевна");
    await expect(
      page.getByRole("link", { name: "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация" }),
    ).toBeVisible();
  });

  test("filters work without JavaScript, and bad parameters show the unfiltered day", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/programme?day=2025-08-27");
    const filters = page.getByRole("search", { name: "Фильтры" });
    await filters.getByLabel("Формат").selectOption({ label: "Круглый стол" });
    await filters.getByRole("searchbox", { name: "Поиск" }).fill("зеленая");
    await filters.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/format=ROUND_TABLE/);
    // «зеленая» finds «Зелёная химия…», a round table on 27 August.
    await expect(page.getByRole("status")).toContainText("1 мероприятие");
    await expect(page.getByRole("link", { name: /Зелёная химия/ })).toBeVisible();

    await page.goto("/programme?day=yesterday&track=%3Cscript%3E&format=DANCE");
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    expect(await page.getByRole("article").count()).toBeGreaterThan(5);
    await context.close();
  });

  test("unknown session and speaker give the 404 page", async ({ page }) => {
    for (const url of ["/sessions/no-such-session", "/speakers/no-such-speaker"]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
    }
  });

  test("the programme fits a 360 px phone screen", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/programme?day=2025-08-26");
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test("speakers are listed, searchable and paged", async ({ page }) => {
    await page.goto("/speakers");
    await expect(page.getByRole("heading", { level: 1, name: "Спикеры и модераторы" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Страницы списка" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Поиск" }).fill("Верховская");
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(page.getByRole("status")).toHaveText("1 человек");
    await expect(page.getByRole("link", { name: "Верховская Нина Аркадьевна" })).toBeVisible();
  });
});
