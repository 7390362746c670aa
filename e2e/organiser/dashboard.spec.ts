import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/** A demo session with 250 seats on 27 August, that no other spec books (contract with the seed). */
const SESSION = "Судостроение и авиастроение: колледжи в цепочке кооперации";

async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
}

const number = async (cell: Locator) => Number((await cell.innerText()).trim());

/** The session's row in «Все мероприятия»: its cells in the table's column order. */
function sessionRow(page: Page) {
  const table = page.getByRole("table", { name: "Все мероприятия: записи, ожидание, заполненность" });
  return table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(SESSION) }) });
}

test.describe("the organisers' dashboard", () => {
  test("shows the demo data in tables, follows a booking, a check-in and a rating by itself", async ({
    page,
    browser,
  }) => {
    // The whole day in one journey: booking, the door, the rating (three people, several refreshes).
    test.slow();
    await signIn(page, demo.organiser, "/organiser");
    await page.getByRole("link", { name: "Сводка: регистрации, записи, вход, отзывы" }).click();
    await expect(page).toHaveURL(/\/organiser\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Сводка форума" })).toBeVisible();
    await expect(page.getByTestId("dashboard-updated")).toContainText("Обновлено:");

    // The demo participants: the category table adds up to the active registrations, and Орлов
    // (an employer from the Tula region) is in the tables.
    const active = await number(page.getByTestId("figure-active"));
    expect(active).toBeGreaterThanOrEqual(3);
    const categories = page.locator('[data-chart="chart-categories"]');
    await categories.getByText("Таблица данных").click();
    const categoryTable = categories.getByRole("table", { name: "По категориям участников" });
    await expect(categoryTable.getByRole("rowheader", { name: "Работодатель" })).toBeVisible();
    const counts = await categoryTable.locator("tbody td").allInnerTexts();
    expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(active);
    await page.locator("summary", { hasText: "Все регионы" }).click();
    await expect(
      page.getByRole("table", { name: "Все регионы" }).getByRole("rowheader", { name: "Тульская область" }),
    ).toBeVisible();
    // A chart is drawn (chart.js, loaded on this page) and labelled for screen readers.
    await expect(page.getByRole("img", { name: /^График: Регистрации по дням/ })).toBeVisible();

    // participant2 books the session: the fill-rate table shows the seat without a reload.
    await page.locator("summary", { hasText: "Все мероприятия: записи, ожидание, заполненность" }).click();
    const row = sessionRow(page);
    await expect(row).toBeVisible();
    const participant = await (await browser.newContext()).newPage();
    await signIn(participant, demo.participant2, "/programme?day=2025-08-27");
    const card = participant
      .getByRole("article")
      .filter({ has: participant.getByRole("heading", { name: SESSION, exact: true }) });
    const cancel = card.getByRole("button", { name: "Отменить запись" });
    const book = card.getByRole("button", { name: "Записаться" });
    await expect(book.or(cancel)).toBeVisible();
    if (await cancel.isVisible()) {
      // A run on a reused server: start from «not booked».
      await cancel.click();
      await card.getByRole("button", { name: "Да, отменить" }).click();
      await expect(book).toBeVisible();
      await page.reload();
      await page.locator("summary", { hasText: "Все мероприятия: записи, ожидание, заполненность" }).click();
    }
    const booked = await number(row.locator("td").nth(1));
    await book.click();
    await expect(cancel).toBeVisible();
    // The page refreshes by itself (every 20 s): no click, no reload.
    await expect(row.locator("td").nth(1)).toHaveText(String(booked + 1), { timeout: 60_000 });
    await expect(row.locator("td").nth(4)).toHaveText(/^\d+(,\d)?\s?%$/);

    // Staff admit participant2 at that session's door: today's admissions move by one.
    const before = await number(page.getByTestId("figure-checkins-total"));
    const beforeSessions = await number(page.getByTestId("figure-checkins-sessions"));
    const staff = await (await browser.newContext()).newPage();
    await signIn(staff, demo.checkin, "/checkin");
    await staff.getByLabel("Название устройства").fill("Зал сводки");
    const door = staff.getByRole("combobox", { name: "Вход или зал" });
    const option = door.locator("option").filter({ hasText: SESSION });
    await door.selectOption((await option.getAttribute("value"))!);
    await staff.getByRole("button", { name: "Начать" }).click();
    await expect(staff.getByText(/Список загружен/)).toBeVisible();
    await staff.getByLabel("Поиск по фамилии, имени или почте").fill("Орлов");
    await staff.getByRole("button", { name: "Найти" }).click();
    await staff.getByRole("button", { name: "Отметить: Орлов Денис Павлович" }).click();
    await expect(staff.getByTestId("scan-result")).toHaveAttribute("data-result", "admitted");

    await expect(page.getByTestId("figure-checkins-total")).toHaveText(String(before + 1), { timeout: 60_000 });
    await expect(page.getByTestId("figure-checkins-sessions")).toHaveText(String(beforeSessions + 1));
    const doors = page.getByRole("table", { name: "Прошли сегодня по входам" });
    await expect(
      doors
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: SESSION }) })
        .locator("td"),
    ).toHaveText("1");
    await expect(row.locator("td").nth(5)).toHaveText("1");
    // A repeat scan is not a second admission.
    await staff.getByRole("button", { name: "Найти" }).click();
    await staff.getByRole("button", { name: "Отметить: Орлов Денис Павлович" }).click();
    await expect(staff.getByTestId("scan-result")).toHaveAttribute("data-result", "duplicate");
    await page.getByRole("button", { name: "Обновить сейчас" }).click();
    await expect(page.getByTestId("figure-checkins-total")).toHaveText(String(before + 1));

    // After the (2025) session, the admitted participant rates it; the dashboard and the
    // feedback page show the rating, the comment without the name.
    await participant.goto("/my");
    const rating = participant.getByRole("group", { name: new RegExp(`^Оценка «${SESSION}»`) });
    const form = participant.locator("form").filter({ has: rating });
    await rating.getByRole("radio", { name: "4" }).check();
    await form.getByLabel("Комментарий (необязательно)").fill("Сводка: полезные примеры кооперации");
    await form.getByRole("button", { name: "Отправить отзыв" }).click();
    await expect(participant.getByText("Ваша оценка: 4")).toBeVisible();
    const feedback = page.locator('[data-chart="chart-feedback-sessions"]');
    await expect(feedback.getByRole("img", { name: /^График: Средняя оценка по мероприятиям/ })).toBeVisible({
      timeout: 60_000,
    });
    await feedback.getByText("Таблица данных").click();
    await expect(
      feedback
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: SESSION }) })
        .locator("td"),
    ).toHaveText(["4", "1"]);

    expect(await violations(page)).toEqual([]);
    await page.getByRole("link", { name: "Все отзывы, распределение оценок, комментарии и выгрузка" }).first().click();
    const bySession = page.getByRole("table", { name: "По мероприятиям" });
    // Ratings, average, then how many of each mark 1–5.
    await expect(
      bySession
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: SESSION }) })
        .locator("td"),
    ).toHaveText([/./, "1", "4", "0", "0", "0", "1", "0"]);
    await expect(page.getByText("Сводка: полезные примеры кооперации")).toBeVisible();
    await expect(page.getByText("Орлов")).toHaveCount(0);
    expect(await violations(page)).toEqual([]);
    await participant.context().close();
    await staff.context().close();
  });

  test("has no axe violations and no horizontal scroll at 360 px; the feedback page exports CSV and XLSX", async ({
    page,
  }) => {
    await signIn(page, demo.organiser, "/organiser/dashboard");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Сводка форума" })).toBeVisible();
    await expect(page.getByRole("img", { name: /^График: Регистрации по дням/ })).toBeVisible();
    for (const summary of await page.locator("summary").all()) {
      if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await violations(page)).toEqual([]);

    await page.getByRole("link", { name: "Все отзывы, распределение оценок, комментарии и выгрузка" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Отзывы о мероприятиях" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await violations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV для Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("forum-spo-feedback.csv");
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toMatch(/^\uFEFFПо трекам\r\nТрек;Мероприятий с оценками;Оценок;Средняя;Оценка 1;/);
    expect(csv).toContain("\r\nКомментарии\r\n");
    const xlsx = await page.request.get("/organiser/export/feedback?format=xlsx");
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // An XLSX file is a ZIP archive.
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("is for organisers: a participant gets 403", async ({ page }) => {
    await signIn(page, demo.participant, "/my");
    const answer = await page.goto("/organiser/dashboard");
    expect(answer?.status()).toBe(403);
    const file = await page.request.get("/organiser/export/feedback?format=csv");
    expect(file.status()).toBe(403);
  });
});
