import { expect, type Page } from "@playwright/test";

export const demo = {
  participant: { email: "participant@forum-spo.local", password: "uchastnik-demo-2025" },
  participant2: { email: "participant2@forum-spo.local", password: "uchastnik-demo-2025" },
  organiser: { email: "organiser@forum-spo.local", password: "orgkomitet-demo-2025" },
  admin: { email: "admin@forum-spo.local", password: "nastroyki-demo-2025" },
  checkin: { email: "checkin@forum-spo.local", password: "kontrol-demo-2025" },
} as const;

export async function signIn(page: Page, who: { email: string; password: string }, next = "/account") {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  const form = page.locator("form").filter({ has: page.getByLabel("Пароль") });
  await form.getByLabel("Электронная почта").fill(who.email);
  await form.getByLabel("Пароль").fill(who.password);
  await form.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

/** Waits until the offline service worker is active and controls this page (it claims pages on activation). */
export async function waitForWorker(page: Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active) && navigator.serviceWorker.controller !== null;
  });
}

/** The first link to `pathPart` in the newest mail to `to`, read in the development mail viewer. */
export async function linkFromMail(page: Page, to: string, subject: string, pathPart: string): Promise<string> {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
  const link = page.locator(`a[href*="${pathPart}"]`).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

/** Registers a participant through the form and confirms the address from the mail. */
export async function registerAndConfirm(
  page: Page,
  p: {
    email: string;
    password: string;
    surname: string;
    firstName?: string;
    region?: string;
    organisation?: string;
    position?: string;
    category?: string;
  },
) {
  await page.goto("/register");
  await page.getByLabel("Фамилия").fill(p.surname);
  await page.getByRole("textbox", { name: "Имя", exact: true }).fill(p.firstName ?? "Марина");
  await page.getByLabel("Отчество").fill("Игоревна");
  await page.getByLabel("Телефон").fill("8 (910) 555-40-71");
  await page.getByRole("combobox", { name: "Регион" }).selectOption({ label: p.region ?? "Калужская область" });
  await page.getByLabel("Организация").fill(p.organisation ?? "Калужский колледж");
  await page.getByLabel("Должность").fill(p.position ?? "Преподаватель");
  await page
    .getByRole("combobox", { name: "Категория участника" })
    .selectOption({ label: p.category ?? "Преподаватель, мастер производственного обучения" });
  await page.getByLabel("Электронная почта").fill(p.email);
  await page.getByLabel("Пароль").fill(p.password);
  await page.getByLabel(/даю согласие/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("status")).toContainText(`Проверьте почту ${p.email}`);
  await page.goto(
    await linkFromMail(page, p.email, "Подтвердите регистрацию на Форуме СПО", "/register/confirm?token="),
  );
  await page.getByRole("button", { name: "Подтвердить регистрацию" }).click();
  await expect(page.getByRole("status")).toContainText("подтверждён");
}

/**
 * Drafts deleted and published sessions cancelled whose title starts with `prefix`: what an
 * interrupted run of an organiser spec left behind (signed in as an organiser).
 */
export async function removeSessionsTitled(page: Page, prefix: string) {
  for (const status of ["DRAFT", "PUBLISHED"] as const) {
    for (let i = 0; i < 5; i++) {
      await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(prefix)}&status=${status}`);
      const link = page.getByRole("table").getByRole("link", { name: new RegExp(`^${prefix}`) });
      if ((await link.count()) === 0) break;
      await link.first().click();
      if (status === "DRAFT") {
        await page.getByRole("button", { name: "Удалить черновик" }).click();
        await page.getByRole("button", { name: "Да, удалить" }).click();
        await expect(page).toHaveURL(/\/organiser\/programme\?day=/);
      } else {
        await page.getByRole("button", { name: "Отменить мероприятие" }).click();
        await page.getByRole("button", { name: "Да, отменить мероприятие" }).click();
        await expect(page.getByText(/Мероприятие отменено\./)).toBeVisible();
      }
    }
  }
}
