import { expect, test } from "@playwright/test";
import { demo, linkFromMail, registerAndConfirm, signIn } from "../helpers";

test.describe("registration and accounts", () => {
  test("register → confirm by mail → sign in → edit the profile → sign out", async ({ page }) => {
    const email = `e2e-${Date.now()}@example.ru`;
    await page.goto("/register");
    await expect(page.getByRole("heading", { level: 1, name: "Регистрация участника форума" })).toBeVisible();

    // A first try without consent and with a bad phone keeps what was typed and says what is wrong.
    await page.getByLabel("Фамилия").fill("Петрова");
    await page.getByRole("textbox", { name: "Имя", exact: true }).fill("Ольга");
    await page.getByLabel("Телефон").fill("12345");
    await page.getByRole("searchbox", { name: /найти регион/ }).fill("калуж");
    await page.getByRole("combobox", { name: "Регион" }).selectOption({ label: "Калужская область" });
    await page.getByLabel("Организация").fill("Калужский техникум электронных приборов");
    await page.getByLabel("Должность").fill("Методист");
    await page.getByRole("combobox", { name: "Категория участника" }).selectOption({ label: "Эксперт" });
    await page.getByLabel("Электронная почта").fill(email);
    await page.getByLabel("Пароль").fill("e2e-password-123");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Проверьте поля" })).toBeVisible();
    await expect(page.getByText("Проверьте номер")).toBeVisible();
    await expect(page.getByText("Без согласия на обработку персональных данных регистрация невозможна.")).toBeVisible();
    await expect(page.getByLabel("Фамилия")).toHaveValue("Петрова");

    await page.getByLabel("Телефон").fill("8 (910) 555-12-34");
    await page.getByLabel("Пароль").fill("e2e-password-123");
    await page.getByLabel(/даю согласие/).check();
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByRole("status")).toContainText(`Проверьте почту ${email}`);

    const confirmUrl = await linkFromMail(
      page,
      email,
      "Подтвердите регистрацию на Форуме СПО",
      "/register/confirm?token=",
    );
    await page.goto(confirmUrl);
    await page.getByRole("button", { name: "Подтвердить регистрацию" }).click();
    await expect(page.getByRole("status")).toContainText(`адрес ${email} подтверждён`);
    await page.getByRole("link", { name: "Войти в личный кабинет" }).click();
    await expect(page.getByText("Адрес подтверждён.")).toBeVisible();

    // The same link opened again (a second click in the mail): «already confirmed», with sign-in offered.
    await page.goto(confirmUrl);
    await page.getByRole("button", { name: "Подтвердить регистрацию" }).click();
    await expect(page.getByRole("status")).toContainText(`Адрес ${email} уже подтверждён`);
    await expect(page.getByRole("link", { name: "Войти в личный кабинет" })).toBeVisible();

    await signIn(page, { email, password: "e2e-password-123" });
    await expect(page.getByRole("heading", { level: 1, name: "Личный кабинет" })).toBeVisible();
    await expect(page.getByText("подтверждена")).toBeVisible();

    const profile = page.locator("form").filter({ has: page.getByRole("button", { name: "Сохранить изменения" }) });
    await profile.getByLabel("Должность").fill("Заместитель директора");
    await profile.getByRole("button", { name: "Сохранить изменения" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Изменения сохранены." })).toBeVisible();
    await page.reload();
    await expect(profile.getByLabel("Должность")).toHaveValue("Заместитель директора");

    await page.getByRole("banner").getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    await expect(page.getByText("Вы вышли из учётной записи.")).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?next=(%2F|\/)account/);
  });

  test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
    for (const email of [demo.participant.email, "nobody-here@example.ru"]) {
      await page.goto("/signin");
      const form = page.locator("form").filter({ has: page.getByLabel("Пароль") });
      await form.getByLabel("Электронная почта").fill(email);
      await form.getByLabel("Пароль").fill("not-the-password");
      await form.getByRole("button", { name: "Войти" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Неверная" })).toHaveText(
        "Неверная электронная почта или пароль.",
      );
    }
  });

  test("the organiser reaches /organiser; a participant gets 403; a guest is asked to sign in", async ({
    page,
    browser,
  }) => {
    const response = await page.goto("/organiser");
    expect(response?.url()).toContain("/signin?next=%2Forganiser");

    await signIn(page, demo.organiser, "/organiser");
    await expect(page.getByRole("heading", { level: 1, name: "Кабинет организатора" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Организаторам" })).toBeVisible();

    const other = await browser.newContext();
    const participantPage = await other.newPage();
    await signIn(participantPage, demo.participant);
    const forbidden = await participantPage.goto("/organiser");
    expect(forbidden?.status()).toBe(403);
    await expect(participantPage.getByRole("heading", { name: "Доступ запрещён" })).toBeVisible();
    const adminOnly = await participantPage.goto("/admin/users");
    expect(adminOnly?.status()).toBe(403);
    await other.close();
  });

  test("an admin grants and revokes the organiser role", async ({ page }) => {
    await signIn(page, demo.admin, "/admin/users");
    await page.getByRole("searchbox").fill("participant2@");
    await page.getByRole("button", { name: "Найти" }).click();
    const row = page.getByRole("row").filter({ hasText: demo.participant2.email });
    await row.getByRole("button", { name: "Сделать организатором" }).click();
    await expect(page.getByRole("status").filter({ hasText: "организатор" }).first()).toBeVisible();
    await page.reload();
    await expect(row.getByRole("cell", { name: "организатор", exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Снять роль организатора" }).click();
    await page.reload();
    await expect(row.getByRole("cell", { name: "участник", exact: true })).toBeVisible();
  });

  test("sign in by a one-time link from a mail; the link works only once", async ({ page }) => {
    await page.goto("/signin");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Прислать ссылку" }) });
    await form.getByLabel("Электронная почта").fill(demo.participant2.email);
    await form.getByRole("button", { name: "Прислать ссылку" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Если этот адрес зарегистрирован" })).toBeVisible();

    const url = await linkFromMail(page, demo.participant2.email, "Вход на сайт Форума СПО", "/signin/link?token=");
    await page.goto(url);
    await page.getByRole("button", { name: "Войти" }).last().click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Вы вошли как ${demo.participant2.email}`)).toBeVisible();

    await page.getByRole("banner").getByRole("button", { name: "Выйти" }).click();
    await page.goto(url);
    await page.getByRole("button", { name: "Войти" }).last().click();
    await expect(page.getByRole("alert").filter({ hasText: "Ссылка недействительна" })).toBeVisible();
  });

  test("changing the password ends the person's other sessions", async ({ browser }) => {
    const email = `e2e-pw-${Date.now()}@example.ru`;
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    const a = await laptop.newPage();
    const b = await phone.newPage();
    await registerAndConfirm(a, { email, password: "first-password-1", surname: "Сменина" });
    await signIn(a, { email, password: "first-password-1" });
    await signIn(b, { email, password: "first-password-1" });

    const form = a.locator("form").filter({ has: a.getByRole("button", { name: "Сменить пароль" }) });
    await form.getByLabel("Текущий пароль").fill("first-password-1");
    await form.getByLabel("Новый пароль").fill("second-password-2");
    await form.getByRole("button", { name: "Сменить пароль" }).click();
    await expect(a.getByRole("status").filter({ hasText: "Пароль изменён." })).toBeVisible();

    // This session goes on; the other one is over.
    await a.reload();
    await expect(a.getByRole("heading", { level: 1, name: "Личный кабинет" })).toBeVisible();
    await b.goto("/account");
    await expect(b).toHaveURL(/\/signin/);
    await signIn(b, { email, password: "second-password-2" });
    await laptop.close();
    await phone.close();
  });
});
