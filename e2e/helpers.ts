import { expect, type Page } from "@playwright/test";

export const demo = {
  participant: { email: "participant@forum-spo.local", password: "demo-participant-2025" },
  participant2: { email: "participant2@forum-spo.local", password: "demo-participant-2025" },
  organiser: { email: "organiser@forum-spo.local", password: "demo-organiser-2025" },
  admin: { email: "admin@forum-spo.local", password: "demo-admin-2025" },
} as const;

export async function signIn(page: Page, who: { email: string; password: string }, next = "/account") {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  const form = page.locator("form").filter({ has: page.getByLabel("Пароль") });
  await form.getByLabel("Электронная почта").fill(who.email);
  await form.getByLabel("Пароль").fill(who.password);
  await form.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
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
