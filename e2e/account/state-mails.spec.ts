import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, linkFromMail, registerAndConfirm, signIn } from "../helpers";

/**
 * A mail for every change of a person's state, read by a fresh participant in the development
 * mail viewer: an organiser's move that makes two of their seats clash (the mail's link opens
 * the one-click swap page), a changed sign-in address (the old address is told), and the
 * cancelled registration (the seats freed are listed).
 *
 * Contract with the seed: on 25 August «Демонстрационный экзамен…» runs 12:30–14:00. The session
 * this test makes has no room (no room conflicts with the demo programme), is titled with
 * PREFIX and is cancelled at the end (leftovers of an interrupted run first).
 */
const PREFIX = "E2E-развилка";
const DAY = "2025-08-25";
const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

/** Opens the newest mail with this subject to this address in the mail viewer. */
async function openMail(page: Page, to: string, subject: string) {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
}

async function cancelLeftovers(page: Page) {
  for (let i = 0; i < 5; i++) {
    await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(PREFIX)}&status=PUBLISHED`);
    const link = page.getByRole("table").getByRole("link", { name: new RegExp(`^${PREFIX}`) });
    if ((await link.count()) === 0) return;
    await link.first().click();
    await cancelSession(page);
  }
}

async function cancelSession(page: Page) {
  await page.getByRole("button", { name: "Отменить мероприятие" }).click();
  await page.getByRole("button", { name: "Да, отменить мероприятие" }).click();
  await expect(page.getByText(/Мероприятие отменено\./)).toBeVisible();
}

test.describe("mail for every change of a person's state", () => {
  test("an organiser's move into a clash → the mail's one-click swap; the old address hears of a new one; the cancelled registration lists the seats freed", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const stamp = Date.now().toString(36);
    const email = `state-mails-${stamp}@example.test`;
    const newEmail = `state-mails-new-${stamp}@example.test`;
    const password = "Kaluga-state-mails-2025!";
    const title = `${PREFIX}: наставничество ${stamp}`;

    // The organiser adds a session at 18:00 on day 1 and publishes it.
    const orgContext = await browser.newContext();
    const org = await orgContext.newPage();
    await signIn(org, demo.organiser, `/organiser/programme?day=${DAY}`);
    await cancelLeftovers(org);
    await org.goto(`/organiser/programme/sessions/new?day=${DAY}&start=18:00`);
    await org.getByLabel("Название", { exact: true }).fill(title);
    await org.getByLabel("Формат", { exact: true }).selectOption({ label: "Круглый стол" });
    await org.getByLabel("Трек", { exact: true }).selectOption({ label: "Кадровый потенциал" });
    await org.getByLabel("Мест", { exact: true }).fill("40");
    await org.getByLabel("Окончание", { exact: true }).fill("19:00");
    await org.getByRole("button", { name: "Создать черновик" }).click();
    await expect(org).toHaveURL(/\/organiser\/programme\/sessions\/[a-z0-9]+\?notice=created$/);
    const sessionId = /sessions\/([a-z0-9]+)\?/.exec(org.url())![1]!;
    await org.getByRole("checkbox", { name: `Да, опубликовать «${title}»: оно появится в программе` }).check();
    await org.getByRole("button", { name: "Опубликовать" }).click();
    await expect(org.getByText("Мероприятие опубликовано: оно видно в программе.")).toBeVisible();

    // A fresh participant books it and the exam at 12:30–14:00: no clash yet.
    await registerAndConfirm(page, { email, password, surname: "Развилкина", firstName: "Вера" });
    await signIn(page, { email, password }, "/my");
    await page.goto(`/sessions/${sessionId}`);
    await page.getByRole("button", { name: "Записаться" }).click();
    await expect(page.getByText("✓ Вы записаны")).toBeVisible();
    await page.goto(`/programme?day=${DAY}`);
    await card(page, EXAM).getByRole("button", { name: "Записаться" }).click();
    await expect(card(page, EXAM).getByText("Вы записаны")).toBeVisible();
    await page.goto("/my");
    await expect(page.locator("[data-my-clash]")).toHaveCount(0);

    // The organiser moves the session to 13:00: a warning about the booked person, acknowledged.
    const move = org.locator("form", { has: org.getByRole("heading", { name: "Перенести" }) });
    await move.getByLabel("Начало", { exact: true }).fill("13:00");
    await move.getByRole("button", { name: "Перенести" }).click();
    await expect(move.getByRole("alert")).toContainText("в новое время есть другая запись");
    await move.getByLabel("Сохранить, несмотря на предупреждения").check();
    await move.getByRole("button", { name: "Перенести" }).click();
    await expect(org.getByRole("status").filter({ hasText: "Мероприятие перенесено" })).toBeVisible();

    // The clash mail names both sessions and links to the swap page for exactly this pair.
    await openMail(page, email, `Две ваши записи теперь пересекаются: ${title}`);
    await expect(page.getByText(`Организаторы перенесли мероприятие «${title}»`).first()).toBeVisible();
    await expect(page.getByText(`«${EXAM}»`).first()).toBeVisible();
    const swapLink = await linkFromMail(page, email, `Две ваши записи теперь пересекаются: ${title}`, "/my/clash/");
    expect(swapLink).toContain(`/my/clash/${sessionId}/`);

    // /my tells the same clash as a pair and offers the same choice (the earlier session first).
    await page.goto("/my");
    const clash = page.locator("[data-my-clash]");
    await expect(clash).toHaveCount(1);
    await expect(clash).toContainText(`«${EXAM}» и «${title}» идут одновременно 1 ч (13:00–14:00).`);
    await expect(clash.getByRole("link", { name: "Выбрать, какую оставить" })).toHaveAttribute(
      "href",
      new RegExp(`/my/clash/[^/]+/${sessionId}$`),
    );

    // On a phone, without JavaScript: both sessions with time and room, two buttons, nothing wider than the screen.
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 800 },
      storageState: await page.context().storageState(),
    });
    const phone = await noJs.newPage();
    await phone.goto(new URL(swapLink).pathname);
    await expect(phone.getByRole("heading", { level: 1, name: "Две записи в одно время" })).toBeVisible();
    const moved = phone.locator(`[data-clash-session="${sessionId}"]`);
    await expect(moved).toContainText(title);
    await expect(moved).toContainText("Когда: понедельник, 25 августа, 13:00–14:00 МСК");
    await expect(moved).toContainText("Где: зал уточняется");
    await expect(phone.locator("[data-clash-session]").filter({ hasText: EXAM })).toContainText("12:30–14:00 МСК");
    const keepMine = phone.getByRole("button", { name: `Оставить «${title}», отменить «${EXAM}»` });
    await expect(keepMine).toBeVisible();
    await expect(phone.getByRole("button", { name: `Оставить «${EXAM}», отменить «${title}»` })).toBeVisible();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // With the keyboard: focus the choice and press Enter. The form posts without JavaScript.
    await keepMine.focus();
    await phone.keyboard.press("Enter");
    await expect(phone.getByRole("heading", { level: 1, name: "Готово" })).toBeVisible();
    await expect(phone.getByRole("status")).toHaveText(
      `Вы остаётесь на «${title}». Запись на «${EXAM}» отменена, письмо об этом придёт на почту.`,
    );
    await expect(phone.getByRole("button", { name: /^Оставить/ })).toHaveCount(0);
    await phone.getByRole("main").getByRole("link", { name: "Моя программа" }).click();
    await expect(phone).toHaveURL(/\/my$/);
    await noJs.close();

    // /my without the clash: the moved session kept, the exam seat gone.
    await page.goto("/my");
    await expect(page.locator("[data-my-clash]")).toHaveCount(0);
    await expect(card(page, title)).toContainText("13:00–14:00 МСК");
    await expect(card(page, EXAM)).toHaveCount(0);
    // The same link again changes nothing and says why.
    await page.goto(new URL(swapLink).pathname);
    await expect(page.getByRole("status")).toContainText("Это не две ваши записи");
    await expect(page.getByRole("button", { name: /^Оставить/ })).toHaveCount(0);

    // A new sign-in address: confirmed from the new mailbox, announced to the old one.
    await page.goto("/account");
    await page.getByLabel("Новый адрес").fill(newEmail);
    await page.getByRole("button", { name: "Сменить адрес" }).click();
    await expect(page.getByText("Мы отправили ссылку на новый адрес.")).toBeVisible();
    await page.goto(
      await linkFromMail(page, newEmail, "Подтвердите новый адрес электронной почты", "/account/email/confirm?token="),
    );
    await page.getByRole("button", { name: "Подтвердить адрес" }).click();
    await expect(page.getByText(`Готово: теперь ваш адрес — ${newEmail}.`)).toBeVisible();
    await openMail(page, email, "Адрес для входа на сайт Форума СПО изменён");
    await expect(page.getByText("Здравствуйте, Вера Игоревна!").first()).toBeVisible();
    await expect(
      page.getByText(/изменён на st•••@example\.test \(\d+ \S+ \d{4} г\., \d\d:\d\d МСК\)/).first(),
    ).toBeVisible();
    await expect(page.getByText(newEmail)).toHaveCount(0);
    await expect(page.getByText("Если это сделали не вы").first()).toBeVisible();
    await expect(page.locator('a[href$="/reset"]').first()).toBeVisible();

    // Cancelling the registration: the mail (now to the new address) lists the seat freed.
    await page.goto("/account");
    await page.getByRole("button", { name: "Отменить регистрацию…" }).click();
    await page.getByRole("button", { name: "Да, отменить регистрацию" }).click();
    // Cancelling lands on /register?cancelled=1, which says what happened and how to register again.
    await expect(page).toHaveURL(/\/register\?cancelled=1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Регистрация отменена" })).toBeVisible();
    await openMail(page, newEmail, "Регистрация на Форум СПО отменена");
    await expect(page.getByText("Освобождены места (1):").first()).toBeVisible();
    await expect(
      page.getByText(`• «${title}» — понедельник, 25 августа, 13:00–14:00 МСК, зал уточняется`).first(),
    ).toBeVisible();
    await expect(page.getByText(EXAM)).toHaveCount(0);

    // The organiser's session goes away again.
    await org.goto(`/organiser/programme/sessions/${sessionId}`);
    await cancelSession(org);
    await orgContext.close();
  });
});
