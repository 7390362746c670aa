import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { demo, registerAndConfirm, signIn } from "../helpers";

/**
 * The August meeting end to end. Each run registers its own regional head (the demo head
 * account can apply only once per database), applies for the Tula region with a question,
 * is accredited by the demo organiser, sees the time, room and materials, and shows up in the
 * roll-call; at the end the organiser revokes the accreditation, so the Tula head's seat is
 * free for the next run on the same database.
 */
const REGION = "Тульская область";
const QUESTION = "Как учитывать региональный прогноз кадровой потребности при распределении контрольных цифр приёма?";
const PASSWORD = "e2e-password-123";

async function registerRegionalHead(page: Page, email: string, surname: string) {
  await registerAndConfirm(page, {
    email,
    password: PASSWORD,
    surname,
    region: REGION,
    organisation: "Министерство образования Тульской области",
    position: "Министр образования",
    category: "Орган управления образованием субъекта РФ",
  });
}

/** The organisers' list of applications, filtered to the test's region. */
async function showRegion(organiser: Page) {
  const filters = organiser.getByRole("search", { name: "Фильтры заявок" });
  await filters.getByRole("combobox", { name: "Регион" }).selectOption({ label: REGION });
  await filters.getByRole("button", { name: "Показать" }).click();
  await expect(organiser).toHaveURL(/region=\d+/);
}

test.describe("the August meeting", () => {
  test("a regional head applies with a question, is accredited, sees the details, and is in the roll-call", async ({
    page,
    browser,
  }) => {
    const email = `e2e-head-${Date.now()}@example.ru`;
    const surname = `Тульская${Date.now().toString(36).replace(/\d/g, "")}`;
    const fullName = `${surname} Марина Игоревна`;
    await registerRegionalHead(page, email, surname);
    await signIn(page, { email, password: PASSWORD }, "/august-meeting");

    // Not accredited yet: no time, no room, no materials.
    await expect(page.getByRole("heading", { level: 1, name: /августовское совещание/ })).toBeVisible();
    await expect(page.getByText(/видят только аккредитованные участники после входа/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Повестка" })).toBeVisible();
    await expect(page.getByText("Делегация региона: Тульская область.")).toBeVisible();

    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Подать заявку" }) });
    await expect(form.getByRole("textbox", { name: "Орган управления образованием", exact: true })).toHaveValue(
      "Министерство образования Тульской области",
    );
    await form.getByRole("radio", { name: /Руководитель делегации/ }).check();
    await form.getByLabel("Вопрос или предложение (необязательно)").fill(QUESTION);
    await form.getByRole("button", { name: "Подать заявку" }).click();
    // The server's checks reach the form: a question needs its agenda topic; what was typed stays.
    await expect(page.getByRole("alert").filter({ hasText: "Проверьте поля" })).toBeVisible();
    await expect(page.getByText("Выберите тему повестки, к которой относится вопрос")).toBeVisible();
    await expect(form.getByLabel("Вопрос или предложение (необязательно)")).toHaveValue(QUESTION);
    await expect(form.getByRole("radio", { name: /Руководитель делегации/ })).toBeChecked();
    await form
      .getByRole("combobox", { name: "Тема повестки для вопроса или предложения" })
      .selectOption({ label: "Синхронизация подготовки кадров с прогнозами рынка труда" });
    await form.getByRole("button", { name: "Подать заявку" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Состояние заявки: на рассмотрении" })).toBeVisible();
    await expect(page.getByText(QUESTION)).toBeVisible();

    // The organiser accredits the application.
    const organiserContext = await browser.newContext();
    const organiser = await organiserContext.newPage();
    await signIn(organiser, demo.organiser, "/organiser");
    await organiser.getByRole("link", { name: /Августовское совещание: заявки/ }).click();
    await showRegion(organiser);
    const card = organiser.getByRole("article").filter({ has: organiser.getByRole("heading", { name: fullName }) });
    await expect(card).toContainText(QUESTION);
    await expect(card).toContainText("на рассмотрении");
    // Accrediting asks first: the «Да, аккредитовать» tick is required.
    await card.getByRole("button", { name: "Аккредитовать" }).click();
    await expect(card.getByRole("status")).toHaveCount(0);
    await card.getByRole("checkbox", { name: `Да, аккредитовать: ${fullName}` }).check();
    await card.getByRole("button", { name: "Аккредитовать" }).click();
    await expect(card.getByRole("status")).toHaveText("Аккредитован(а); письмо отправлено.");
    await expect(card.getByRole("button", { name: "Аккредитовать" })).toHaveCount(0);
    await expect(card).toContainText("аккредитован(а)");

    // The head now sees time, room and materials, here and on the session page, and got the mail.
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Состояние заявки: аккредитован(а)" })).toBeVisible();
    const details = page.getByRole("region", { name: "Вы аккредитованы: время, место и материалы" });
    await expect(details).toContainText("10:00–14:00 МСК");
    await expect(details).toContainText("Материалы совещания");
    await page.getByRole("link", { name: "Совещание в программе форума" }).click();
    await expect(page.getByText("10:00–14:00 МСК").first()).toBeVisible();
    await expect(page.getByText("Сообщается аккредитованным участникам")).toHaveCount(0);
    await page.goto("/my");
    await expect(page.getByRole("region", { name: "Заявка на августовское совещание" })).toContainText(
      "аккредитован(а)",
    );
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: "Вы аккредитованы на августовское совещание" }).first()).toBeVisible();

    // The roll-call shows the region as accredited, with its head; the export says the same.
    await organiser.goto("/organiser/august-meeting/roll-call");
    const row = organiser.getByRole("row").filter({ has: organiser.getByRole("rowheader", { name: REGION }) });
    await expect(row).toContainText("аккредитован");
    await expect(row).toContainText(fullName);
    await expect(organiser.getByRole("button", { name: "Печать" })).toBeVisible();
    const downloading = organiser.waitForEvent("download");
    await organiser.getByRole("link", { name: "Скачать CSV" }).click();
    const csv = await readFile((await (await downloading).path())!, "utf8");
    expect(csv.startsWith("\uFEFFФедеральный округ;")).toBe(true);
    expect(csv).toContain(`${REGION};аккредитован;${fullName};Руководитель делегации;аккредитован(а)`);
    const xlsx = await organiser.request.get("/organiser/august-meeting/roll-call/export?format=xlsx");
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    await organiser.goto("/organiser/august-meeting/questions");
    await expect(
      organiser.getByRole("region", { name: /Синхронизация подготовки кадров/ }).getByText(QUESTION),
    ).toBeVisible();

    // Leave the Tula head's seat free for the next run: revoke the accreditation with a reason.
    await organiser.goto("/organiser/august-meeting");
    await showRegion(organiser);
    const accredited = organiser
      .getByRole("article")
      .filter({ has: organiser.getByRole("heading", { name: fullName }) });
    await accredited.getByRole("button", { name: "Отозвать аккредитацию" }).click();
    await accredited.getByLabel("Причина").fill("Проверка сценария завершена.");
    // Without the «Да, отозвать» tick the server refuses and keeps the reason typed.
    await accredited.getByRole("button", { name: "Отозвать аккредитацию" }).click();
    await expect(accredited.getByRole("alert")).toContainText("Отметьте «Да», чтобы подтвердить действие.");
    await expect(accredited.getByLabel("Причина")).toHaveValue("Проверка сценария завершена.");
    await accredited.getByRole("checkbox", { name: `Да, отозвать аккредитацию: ${fullName}` }).check();
    await accredited.getByRole("button", { name: "Отозвать аккредитацию" }).click();
    await expect(accredited.getByRole("status")).toContainText("Заявка отклонена");
    await organiserContext.close();

    await page.goto("/august-meeting");
    await expect(page.getByText("Причина: Проверка сценария завершена.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Вы аккредитованы: время, место и материалы" })).toHaveCount(0);
  });

  test("others see the meeting as closed, without time and room, and are told how to take part", async ({ page }) => {
    await page.goto("/programme?day=2025-08-26");
    await page
      .getByRole("article")
      .filter({ hasText: "августовское совещание" })
      .getByRole("link", { name: /августовское совещание/ })
      .first()
      .click();
    await expect(page.getByText("закрытое", { exact: true })).toBeVisible();
    await expect(page.getByText("Сообщается аккредитованным участникам")).toBeVisible();
    await expect(page.getByText(/10:00–14:00/)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Повестка" })).toBeVisible();
    await expect(page.getByText("Профориентация", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "О совещании и порядке аккредитации" }).click();
    await expect(page).toHaveURL(/\/august-meeting$/);
    await expect(page.getByRole("link", { name: "Войдите", exact: true })).toBeVisible();

    await signIn(page, demo.participant, "/august-meeting");
    await expect(page.getByText(/подают представители органов управления образованием/).last()).toBeVisible();
    await expect(page.getByRole("button", { name: "Подать заявку" })).toHaveCount(0);
    const response = await page.request.get("/organiser/august-meeting/roll-call/export");
    expect(response.status()).toBe(403);
  });
});
