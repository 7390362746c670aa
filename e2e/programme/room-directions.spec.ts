import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/** Day 1 of the demo programme, in «Зал «Ока»» on the 2nd floor. */
const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";
const ROOM = "Зал «Ока»";

async function roomForm(page: Page) {
  await page.goto("/organiser/programme/rooms");
  const item = page.getByRole("listitem").filter({ has: page.locator("summary", { hasText: ROOM }) });
  await item.locator("summary").click();
  return item;
}

test.describe("the room's floor and how to get there", () => {
  test("an organiser's directions and map link show on the public session page; a bad map address is refused", async ({
    page,
    browser,
  }) => {
    await signIn(page, demo.organiser, "/organiser/programme/rooms");

    // A script address is refused next to the field and nothing is saved.
    let item = await roomForm(page);
    await item.getByLabel("Ссылка на схему или карту").fill("javascript:alert(1)");
    await item.getByRole("button", { name: "Сохранить" }).click();
    await expect(item.getByText("Нужен адрес, начинающийся с http:// или https://.")).toBeVisible();
    // What was typed stays in the form.
    await expect(item.getByLabel("Ссылка на схему или карту")).toHaveValue("javascript:alert(1)");

    const guest = await browser.newContext();
    const visitor = await guest.newPage();
    await visitor.goto("/programme?day=2025-08-25");
    await visitor.getByRole("link", { name: EXAM, exact: true }).first().click();
    await expect(visitor.getByRole("heading", { level: 1, name: EXAM })).toBeVisible();
    const examUrl = visitor.url();
    await expect(visitor.getByText("Этаж: 2 этаж")).toBeVisible();
    await expect(visitor.getByRole("heading", { name: "Как пройти" })).toHaveCount(0);

    item = await roomForm(page);
    await item
      .getByLabel("Как пройти (Markdown)")
      .fill("От главного входа поднимитесь на **второй этаж**, зал слева от лифта.");
    await item.getByLabel("Ссылка на схему или карту").fill("https://example.org/plan-oka.png");
    await item.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByText("Зал сохранён.")).toBeVisible();

    // The public page is rebuilt with the new directions (the cached guest page follows the edit).
    await expect(async () => {
      await visitor.goto(examUrl);
      await expect(visitor.getByRole("heading", { name: "Как пройти" })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const directions = visitor.getByRole("region", { name: "Как пройти" });
    await expect(directions).toContainText("зал слева от лифта");
    await expect(directions.locator("strong")).toHaveText("второй этаж");
    await expect(directions.getByRole("link", { name: "Схема проезда" })).toHaveAttribute(
      "href",
      "https://example.org/plan-oka.png",
    );
    await expect(visitor.getByText("Этаж: 2 этаж")).toBeVisible();

    // On a phone the section fits without sideways scrolling.
    await visitor.setViewportSize({ width: 360, height: 800 });
    await visitor.reload();
    await expect(directions).toBeVisible();
    const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await guest.close();
  });
});
