import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../../server/tickets/testing";

/** A day-1 session of the demo programme (prisma/seed), titles stay as the organisers wrote them. */
const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";

const html = (page: Page) => page.locator("html");

/** The first link to `pathPart` in the newest mail to `to` with `subject`, read in the mail viewer. */
async function linkFromMail(page: Page, to: string, subject: string | RegExp, pathPart: string) {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Outgoing mail" })).toBeVisible();
  await page.getByRole("link", { name: subject }).first().click();
  const link = page.locator(`a[href*="${pathPart}"]`).first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

test.describe("the English interface", () => {
  test("a guest without JavaScript switches the language and back; the choice is kept", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/programme");
    await expect(html(page)).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1, name: "Программа форума" })).toBeVisible();

    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page).toHaveURL(/\/programme$/);
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Forum programme" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Speakers", exact: true })).toBeVisible();

    // Remembered for the guest: another page, straight away in English.
    await page.goto("/speakers");
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Speakers and moderators" })).toBeVisible();

    await page.getByRole("button", { name: "Переключить на русский язык" }).click();
    await expect(page).toHaveURL(/\/speakers$/);
    await expect(html(page)).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1, name: "Спикеры и модераторы" })).toBeVisible();
    await context.close();
  });

  test("Moscow time stays first; a guest adds their own time zone without JavaScript, and removes it", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/programme?day=2025-08-25");
    const exam = page.getByRole("article").filter({ has: page.getByRole("heading", { name: EXAM, exact: true }) });
    await expect(exam).toContainText("12:30–14:00 МСК");
    await expect(exam.getByTestId("own-time")).toHaveCount(0);

    await page.getByLabel("Часовой пояс").selectOption("Asia/Yekaterinburg");
    await page.getByRole("button", { name: "Показывать и моё время" }).click();
    await expect(page).toHaveURL(/\/programme\?day=2025-08-25$/);
    await expect(exam).toContainText("12:30–14:00 МСК");
    await expect(exam.getByTestId("own-time")).toHaveText("(по вашему времени: 14:30–16:00 UTC+5)");

    await page.getByRole("button", { name: "Только московское время" }).click();
    await expect(exam.getByTestId("own-time")).toHaveCount(0);
    await context.close();
  });

  test("registration, booking and /my in English, with the mail in English", async ({ page }) => {
    const email = `english.${Date.now()}@example.com`;
    const password = "Kaluga-forum-visitor-2025";

    await page.goto("/register");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Forum participant registration" })).toBeVisible();

    await page.getByLabel("Surname").fill("Smith");
    await page.getByRole("textbox", { name: "First name", exact: true }).fill("Anna");
    await page.getByLabel("Phone").fill("+44 20 7946 0958");
    await page.getByRole("combobox", { name: "Region" }).selectOption({ label: "Калужская область" });
    await page.getByLabel("Organisation").fill("Kaluga Technical College");
    await page.getByLabel("Position").fill("Guest lecturer");
    await page.getByRole("combobox", { name: "Participant category" }).selectOption({ label: "International guest" });
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
    // A mistake is explained in English, next to its field.
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByText("Registration is not possible without consent")).toBeVisible();
    await page.getByLabel(/consent to the processing of my personal data/).check();
    await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page.getByRole("status")).toContainText(`Check your inbox at ${email}`);

    await page.goto(
      await linkFromMail(page, email, "Confirm your registration for the SVE Forum", "/register/confirm?token="),
    );
    await page.getByRole("button", { name: "Confirm registration" }).click();
    await expect(page.getByRole("status")).toContainText("is confirmed");

    await page.goto("/signin?next=/programme?day=2025-08-25");
    const form = page.locator("form").filter({ has: page.getByLabel("Password") });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/programme\?day=2025-08-25$/);
    await expect(html(page)).toHaveAttribute("lang", "en");

    const exam = page.getByRole("article").filter({ has: page.getByRole("heading", { name: EXAM, exact: true }) });
    await expect(exam.getByTestId("seat-line")).toContainText(/seats? left/);
    await exam.getByRole("button", { name: "Book a seat" }).click();
    await expect(exam.getByText("You are booked")).toBeVisible();

    await page.goto("/my");
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "My programme" })).toBeVisible();
    await expect(page.getByText("1 booking")).toBeVisible();
    await expect(page.getByRole("heading", { name: EXAM })).toBeVisible();
    await expect(page.getByText("MSK").first()).toBeVisible();

    // The booking mail is rendered by the worker, in the language the person chose.
    await expect
      .poll(
        async () => {
          await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
          return page.getByRole("link", { name: `You are booked: ${EXAM}` }).count();
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    await page
      .getByRole("link", { name: `You are booked: ${EXAM}` })
      .first()
      .click();
    await expect(page.getByText("Dear Anna,").first()).toBeVisible();

    // The ticket mailed on confirmation and the PDF downloaded from /my are in English too.
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: "Registration confirmed: your SVE Forum ticket" })).toBeVisible();
    await page.goto("/my");
    const ticket = page.getByRole("region", { name: "Participant ticket" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ticket.getByRole("link", { name: "Download ticket (PDF, A6)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ticket-sve-forum.pdf");
    const pdf = pdfText(await readFile((await download.path())!));
    expect(pdf).toContain("Forum of Secondary Vocational Education");
    expect(pdf).toContain("Show the QR code at the entrance");
    expect(pdf).toContain("Smith");
  });
});
