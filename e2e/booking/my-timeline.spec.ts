import { expect, test, type Locator, type Page } from "@playwright/test";
import { registerAndConfirm, signIn } from "../helpers";

/** Day 1 of the demo programme: two sessions at 12:30–14:00 and one at 15:00–16:30. */
const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";
const TEACHER = "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация";
const DRONES = "Беспилотные авиационные системы: как колледжи готовят операторов и инженеров";

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test.describe("/my as a day timeline", () => {
  test("a star beside a seat is no clash, free time shows, a starred session is booked from /my, a clash is refused; 360 px fits", async ({
    page,
  }) => {
    const email = `timeline-${Date.now()}@example.test`;
    const password = "Kaluga-timeline-2025!";
    await registerAndConfirm(page, { email, password, surname: "Тимофеева" });
    await signIn(page, { email, password }, "/my");

    await page.goto("/programme?day=2025-08-25");
    await card(page, EXAM).getByRole("button", { name: "Записаться" }).click();
    await expect(card(page, EXAM).getByText("Вы записаны")).toBeVisible();
    for (const title of [TEACHER, DRONES]) {
      const star = card(page, title).getByRole("button", { name: `Избранное: «${title}»` });
      await star.click();
      await expect(star).toHaveAttribute("aria-pressed", "true");
      // The button shows the star at once; the save is done when the network is quiet.
      await page.waitForLoadState("networkidle");
    }

    await page.goto("/my");
    await expect(card(page, DRONES)).toContainText("В избранном");
    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
    await expect(header).toContainText("1 запись");
    // The starred teacher session overlaps the seat: a choice still open, not a clash.
    await expect(header).not.toContainText("пересечени");
    await expect(page.locator("[data-my-clash]")).toHaveCount(0);
    await expect(card(page, TEACHER)).not.toContainText("Пересекается по времени");
    // Between 14:00 (the seat ends) and 15:00 (the starred drones session) the day is free.
    await expect(page.locator("[data-my-gap]")).toHaveText("Свободно 1 ч: 14:00–15:00");

    // The starred drones session gets a seat from here.
    const drones = card(page, DRONES);
    await drones.getByRole("button", { name: "Записаться" }).click();
    await expect(drones.getByText("Вы записаны")).toBeVisible();
    await expect(drones.getByRole("button", { name: "Отменить запись" })).toBeVisible();
    await expect(header).toContainText("2 записи");

    // The starred teacher session would clash with the exam seat: refused, the seat named, nothing changes.
    const teacher = card(page, TEACHER);
    await teacher.getByRole("button", { name: "Записаться" }).click();
    await expect(teacher.getByRole("alert")).toContainText(`«${EXAM}»`);
    await expect(teacher.getByText("Вы записаны")).toHaveCount(0);
    await page.reload();
    await expect(card(page, EXAM).getByText("Вы записаны")).toBeVisible();
    await expect(card(page, TEACHER).getByText("Вы записаны")).toHaveCount(0);

    // The personal calendar: the starred-only teacher session is tentative free time, or left out by choice.
    const ics = async () => (await (await page.request.get("/my/schedule.ics")).text()).replace(/\r\n /g, "");
    const teacherSummary = `SUMMARY:${TEACHER.replace(/,/g, "\\,")}`;
    const withStars = await ics();
    expect(withStars).toContain(teacherSummary);
    expect(withStars).toContain("TRANSP:TRANSPARENT");
    await expect(page.getByLabel("Показывать как предварительные, время свободно")).toBeChecked();
    await page.getByLabel("Не включать в календарь").check();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
    const withoutStars = await ics();
    expect(withoutStars).not.toContain(teacherSummary);
    expect(withoutStars).not.toContain("TRANSP:TRANSPARENT");
    expect(withoutStars).toContain(`SUMMARY:${EXAM}`);
    await page.reload();
    await expect(page.getByLabel("Не включать в календарь")).toBeChecked();

    // A phone: the timeline fits 360 px without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await expect(page.locator("[data-my-gap]")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
