import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/**
 * Journeys done with the keyboard alone (page.keyboard after putting focus on the starting
 * control), asserting after each step where focus is and what the app's one live region says.
 * Contract with the seed (prisma/seed), shared with e2e/booking: on 25 August EXAM and TEACHER
 * (12:30–14:00, 30+ seats); on 27 August ONE_SEAT has a single seat; on 29 August «Зал «Угра»»
 * is free 13:00–14:00 and at 16:00.
 */
const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";
const TEACHER = "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация";
const ONE_SEAT = "Консультация эксперта: аудит образовательной программы колледжа";
const UGRA = "Зал «Угра»";
/** The programme editor's spec removes leftovers with this prefix too. */
const PREFIX = "E2E-тест";

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
const live = (page: Page) => page.locator("#a11y-live");

/** Empties the signed-in person's schedule through /my, so a rerun starts clean. */
async function resetSchedule(page: Page) {
  await page.goto("/my");
  for (let guard = 0; guard < 20; guard++) {
    const cancel = page.getByRole("button", { name: "Отменить запись" }).first();
    const leave = page.getByRole("button", { name: "Выйти из листа ожидания" }).first();
    const star = page.locator('button[aria-pressed="true"]').first();
    if (await cancel.isVisible()) {
      await cancel.click();
      await page.getByRole("button", { name: "Да, отменить" }).click();
    } else if (await leave.isVisible()) await leave.click();
    else if (await star.isVisible()) await star.click();
    else break;
    await page.waitForLoadState("networkidle");
  }
  await expect(page.getByText("В вашей программе пока ничего нет.")).toBeVisible();
}

/** Deletes drafts this spec left behind (an interrupted run), found by title in the sessions list. */
async function removeDrafts(page: Page, prefix: string) {
  for (let i = 0; i < 5; i++) {
    await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(prefix)}&status=DRAFT`);
    const link = page.getByRole("table").getByRole("link", { name: new RegExp(`^${prefix}`) });
    if ((await link.count()) === 0) return;
    await link.first().click();
    await page.getByRole("button", { name: "Удалить черновик" }).click();
    await page.getByRole("button", { name: "Да, удалить" }).click();
    await expect(page).toHaveURL(/\/organiser\/programme\?day=/);
  }
}

test.describe("keyboard journeys", () => {
  test("book, star and cancel on a programme card: focus moves to the opposite control, the live region says what happened", async ({
    page,
  }) => {
    await signIn(page, demo.participant2, "/my");
    await resetSchedule(page);
    await page.goto("/programme?day=2025-08-25");
    const exam = card(page, EXAM);

    const book = exam.getByRole("button", { name: "Записаться" });
    await expect(book).toBeEnabled();
    await book.focus();
    await page.keyboard.press("Enter");
    const cancel = exam.getByRole("button", { name: "Отменить запись" });
    await expect(cancel).toBeFocused();
    await expect(live(page)).toHaveText(`Вы записаны на «${EXAM}».`);

    // The star toggle sits before the booking controls: Shift+Tab, Space; focus stays on it.
    await page.keyboard.press("Shift+Tab");
    const star = exam.getByRole("button", { name: `Избранное: «${EXAM}»` });
    await expect(star).toBeFocused();
    await page.keyboard.press("Space");
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await expect(star).toBeFocused();
    await expect(live(page)).toHaveText(`«${EXAM}» добавлено в избранное.`);

    // Cancel: the confirm step takes focus on its safe choice; Shift+Tab to «Да, отменить».
    await page.keyboard.press("Tab");
    await expect(cancel).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(exam.getByRole("button", { name: "Нет, оставить" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(exam.getByRole("button", { name: "Да, отменить" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(book).toBeFocused();
    await expect(live(page)).toHaveText(`Запись на «${EXAM}» отменена.`);
  });

  test("/my: cancel keeps focus on the card's star; unstarring removes the card and focus moves to the next one", async ({
    page,
  }) => {
    await signIn(page, demo.participant2, "/my");
    await resetSchedule(page);
    await page.goto("/programme?day=2025-08-25");
    await card(page, EXAM).getByRole("button", { name: "Записаться" }).click();
    await expect(card(page, EXAM).getByRole("button", { name: "Отменить запись" })).toBeVisible();
    await card(page, EXAM)
      .getByRole("button", { name: `Избранное: «${EXAM}»` })
      .click();
    await expect(live(page)).toHaveText(`«${EXAM}» добавлено в избранное.`);
    await card(page, TEACHER)
      .getByRole("button", { name: `Избранное: «${TEACHER}»` })
      .click();
    await expect(live(page)).toHaveText(`«${TEACHER}» добавлено в избранное.`);

    await page.goto("/my");
    const exam = card(page, EXAM);
    await exam.getByRole("button", { name: "Отменить запись" }).focus();
    await page.keyboard.press("Enter");
    await expect(exam.getByRole("button", { name: "Нет, оставить" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    // Still starred, so the card stays: focus on its star, the seat cancelled.
    const examStar = exam.getByRole("button", { name: `Избранное: «${EXAM}»` });
    await expect(examStar).toBeFocused();
    await expect(exam.getByRole("button", { name: "Отменить запись" })).toHaveCount(0);
    await expect(live(page)).toHaveText(`Запись на «${EXAM}» отменена.`);

    // Unstar: the card leaves /my; focus goes to the next card (TEACHER), not to <body>.
    await page.keyboard.press("Space");
    await expect(exam).toHaveCount(0);
    const teacher = card(page, TEACHER);
    await expect(teacher.getByRole("link", { name: TEACHER })).toBeFocused();
    await expect(live(page)).toHaveText(`«${EXAM}» убрано из избранного.`);

    // The last card: focus to the page heading, and the live region says the schedule is empty.
    // A starred card offers a seat first, then its star.
    await page.keyboard.press("Tab");
    await expect(teacher.getByRole("button", { name: "Записаться" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(teacher.getByRole("button", { name: `Избранное: «${TEACHER}»` })).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByRole("heading", { level: 1, name: "Моя программа" })).toBeFocused();
    await expect(live(page)).toHaveText(`«${TEACHER}» убрано из избранного. В вашей программе больше ничего нет.`);
  });

  test("join and leave a waitlist with the keyboard", async ({ page, browser }) => {
    // Someone else takes the only seat.
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, demo.participant, "/my");
    await resetSchedule(other);
    await other.goto("/programme?day=2025-08-27");
    await card(other, ONE_SEAT).getByRole("button", { name: "Записаться" }).click();
    await expect(card(other, ONE_SEAT).getByRole("button", { name: "Отменить запись" })).toBeVisible();

    await signIn(page, demo.participant2, "/my");
    await resetSchedule(page);
    await page.goto("/programme?day=2025-08-27");
    const session = card(page, ONE_SEAT);
    const join = session.getByRole("button", { name: "Встать в лист ожидания" });
    await expect(join).toBeEnabled();
    await join.focus();
    await page.keyboard.press("Enter");
    const leave = session.getByRole("button", { name: "Выйти из листа ожидания" });
    await expect(leave).toBeFocused();
    await expect(live(page)).toHaveText(`Вы в листе ожидания на «${ONE_SEAT}», место в очереди: 1.`);
    await page.keyboard.press("Enter");
    await expect(join).toBeFocused();
    await expect(live(page)).toHaveText(`Вы вышли из листа ожидания на «${ONE_SEAT}».`);

    await resetSchedule(other);
    await otherContext.close();
  });

  test("the calendar feed on /my: create and revoke with the keyboard", async ({ page }) => {
    await signIn(page, demo.participant2, "/my");
    const create = page.getByRole("button", { name: "Получить ссылку для подписки" });
    const revoke = page.getByRole("button", { name: "Отключить подписку" }).first();
    await expect(create.or(revoke)).toBeVisible();
    if (await revoke.isVisible()) {
      await revoke.click();
      await page.getByRole("group").getByRole("button", { name: "Отключить подписку" }).click();
    }
    await expect(create).toBeEnabled();
    await create.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Скопировать" })).toBeFocused();
    await expect(live(page)).toHaveText("Ссылка для подписки на календарь создана.");
    await expect(page.getByLabel("Ссылка для подписки")).toHaveValue(/\/calendar\//);

    await revoke.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("group").filter({ has: page.getByRole("button", { name: "Оставить как есть" }) });
    await expect(confirm.getByRole("button", { name: "Оставить как есть" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await expect(confirm.getByRole("button", { name: "Отключить подписку" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(create).toBeFocused();
    await expect(live(page)).toHaveText("Подписка на календарь отключена.");
  });

  test("registration with errors: focus on the error summary, its links lead to each field", async ({ page }) => {
    await page.goto("/register");
    const submit = page.getByRole("button", { name: "Зарегистрироваться" });
    await submit.focus();
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert").filter({ hasText: "Проверьте поля" });
    await expect(summary).toBeFocused();
    await page.keyboard.press("Tab");
    const first = summary.getByRole("link", { name: "Фамилия" });
    await expect(first).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Фамилия")).toBeFocused();
    await expect(page.getByLabel("Фамилия")).toHaveAttribute("aria-invalid", "true");
  });

  test("a client-side navigation moves focus to the new page's h1 and announces its title", async ({ page }) => {
    await page.goto("/programme");
    const speakers = page.getByRole("navigation").getByRole("link", { name: "Спикеры" }).first();
    await speakers.focus();
    await page.keyboard.press("Enter");
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toBeFocused();
    await expect(live(page)).toHaveText(await page.title());
    await expect(live(page)).toContainText("Спикеры");
  });

  test("an organiser moves a session on the timetable: one Tab stop on the first session, arrows, «Перенести» in a dialog", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const title = `${PREFIX} клавиатура ${Date.now().toString(36)}`;
    await signIn(page, demo.organiser, "/organiser/programme?day=2025-08-29");
    await removeDrafts(page, `${PREFIX} клавиатура`);
    await page.goto(`/organiser/programme/sessions/new?day=2025-08-29&start=13:00&room=`);
    await page.getByLabel("Название", { exact: true }).fill(title);
    await page.getByLabel("Формат", { exact: true }).selectOption({ label: "Круглый стол" });
    await page.getByLabel("Зал", { exact: true }).selectOption({ label: `${UGRA} — 100 мест` });
    await page.getByLabel("Начало", { exact: true }).fill("13:00");
    await page.getByLabel("Окончание", { exact: true }).fill("14:00");
    await page.getByRole("button", { name: "Создать черновик" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Черновик создан" })).toBeVisible();

    await page.goto("/organiser/programme?day=2025-08-29");
    const grid = page.getByRole("grid", { name: /Сетка программы/ });
    await expect(grid.getByRole("columnheader", { name: new RegExp(UGRA) })).toBeVisible();
    await expect(grid.getByRole("rowheader", { name: "13:00" })).toBeVisible();
    // The skip link, then one Tab: the day's first session, not the empty slots before it.
    await page.getByRole("link", { name: "К первому мероприятию в сетке" }).focus();
    await page.keyboard.press("Tab");
    const firstSession = grid.getByRole("article").first().getByRole("link").first();
    await expect(firstSession).toBeFocused();
    // Arrow keys move between cells; focus stays in the grid.
    await page.keyboard.press("ArrowDown");
    await expect(firstSession).not.toBeFocused();
    await expect(grid.locator(":focus")).toHaveCount(1);

    const block = card(page, title);
    await block.getByRole("link", { name: title }).focus();
    await page.keyboard.press("Tab");
    await expect(block.getByRole("button", { name: `Перенести «${title}»` })).toBeFocused();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Перенести «${title}»` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("День")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByLabel("Начало")).toBeFocused();
    await page.keyboard.type("1600");
    await expect(dialog.getByLabel("Начало")).toHaveValue("16:00");
    // Enter in a field submits the move form (the time field's segments take Tab themselves).
    await page.keyboard.press("Enter");
    const yes = dialog.getByRole("button", { name: "Да, перенести" });
    await expect(yes).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(live(page)).toContainText(`«${title}» перенесено: ${UGRA},`);
    await expect(live(page)).toContainText("16:00");
    await expect(block).toContainText("16:00–17:00");
    await expect(block.getByRole("link", { name: title })).toBeFocused();

    await removeDrafts(page, `${PREFIX} клавиатура`);
  });
});
