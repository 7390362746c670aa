import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/**
 * The organiser's programme editor against the demo programme. Contract with the seed: on
 * 29 August «Зал «Ока»» holds a session until 13:00 and is free from 13:00 to 14:00;
 * «Зал «Угра»» is free from 13:00 to 14:00 and at 16:00. Sessions this test makes are titled with PREFIX and are
 * cancelled at the end (leftovers of an interrupted run are removed first).
 */
const PREFIX = "E2E-тест";
const DAY = "2025-08-29";
const OKA = "Зал «Ока»";
const UGRA = "Зал «Угра»";

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

async function removeLeftovers(page: Page) {
  for (const status of ["DRAFT", "PUBLISHED"] as const) {
    for (let i = 0; i < 5; i++) {
      await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(PREFIX)}&status=${status}`);
      const link = page.getByRole("table").getByRole("link", { name: new RegExp(`^${PREFIX}`) });
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

test.describe("organiser: programme editor", () => {
  test("create in the timetable, hit a room conflict, fix it, publish; a booked participant sees the move and gets mail", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const title = `${PREFIX}: наставничество ${Date.now().toString(36)}`;
    await signIn(page, demo.organiser, `/organiser/programme?day=${DAY}`);
    await removeLeftovers(page);

    // An empty slot in the timetable opens the form with room and time filled in.
    await page.goto(`/organiser/programme?day=${DAY}`);
    await page.getByRole("link", { name: `Новое мероприятие: ${OKA}, 13:00` }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Новое мероприятие" })).toBeVisible();
    await expect(page.getByLabel("Начало", { exact: true })).toHaveValue("13:00");
    await expect(page.getByLabel("Зал", { exact: true }).locator("option:checked")).toHaveText(/^Зал «Ока»/);

    await page.getByLabel("Название", { exact: true }).fill(title);
    await page.getByLabel("Описание", { exact: true }).fill("Практикум для **наставников**.\n\n- кейсы\n- разбор");
    await page.getByLabel("Формат", { exact: true }).selectOption({ label: "Круглый стол" });
    await page.getByLabel("Трек", { exact: true }).selectOption({ label: "Кадровый потенциал" });
    await page.getByLabel("Мест", { exact: true }).fill("40");
    // Starting at 12:30 overlaps the session that holds the room until 13:00.
    await page.getByLabel("Начало", { exact: true }).fill("12:30");
    await page.getByLabel("Окончание", { exact: true }).fill("14:00");
    const check = page.getByRole("region", { name: "Проверка" });
    await expect(check.getByRole("status")).toContainText("Зал занят");
    await page.getByRole("button", { name: "Создать черновик" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Сохранить нельзя: Зал занят" })).toBeVisible();

    // Fixed: start when the room is free.
    await page.getByLabel("Начало", { exact: true }).fill("13:00");
    await expect(check.getByRole("status")).toHaveText("Конфликтов нет.");
    await page.getByRole("button", { name: "Создать черновик" }).click();
    await expect(page).toHaveURL(/\/organiser\/programme\/sessions\/[a-z0-9]+\?notice=created$/);
    await expect(page.getByRole("status").filter({ hasText: "Черновик создан" })).toBeVisible();
    const sessionUrl = page.url().replace(/\?notice=created$/, "");

    // Drag and drop on the timetable: the same checks, then an explicit confirmation.
    await page.goto(`/organiser/programme?day=${DAY}`);
    const block = card(page, title);
    await block.dragTo(page.getByRole("link", { name: `Новое мероприятие: ${UGRA}, 13:00` }));
    const confirm = page.getByRole("group").filter({ hasText: `Перенести «${title}»` });
    await expect(confirm).toContainText(`13:00, ${UGRA}?`);
    await confirm.getByRole("button", { name: "Да, перенести" }).click();
    await expect(page.getByRole("link", { name: `Новое мероприятие: ${OKA}, 13:00` })).toBeVisible();
    await expect(page.getByRole("link", { name: `Новое мероприятие: ${UGRA}, 13:00` })).toHaveCount(0);
    await block.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(sessionUrl);

    // Guests do not see drafts; publishing shows it.
    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    await guestPage.goto(`/programme?day=${DAY}`);
    await expect(card(guestPage, title)).toHaveCount(0);
    // Publishing asks first: without the «Да, опубликовать» tick nothing is sent (the box is required).
    const tick = page.getByRole("checkbox", { name: `Да, опубликовать «${title}»: оно появится в программе` });
    await page.getByRole("button", { name: "Опубликовать" }).click();
    await expect(page.getByText("Мероприятие опубликовано: оно видно в программе.")).toHaveCount(0);
    expect(await tick.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    // With the keyboard: Space ticks it, Enter on the button sends.
    await tick.focus();
    await page.keyboard.press("Space");
    await expect(tick).toBeChecked();
    await page.getByRole("button", { name: "Опубликовать" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Мероприятие опубликовано: оно видно в программе.")).toBeVisible();
    await guestPage.reload();
    await expect(card(guestPage, title)).toContainText("13:00–14:00");
    await guest.close();

    // A participant books it.
    const other = await browser.newContext();
    const p = await other.newPage();
    await signIn(p, demo.participant, `/programme?day=${DAY}`);
    await card(p, title).getByRole("button", { name: "Записаться" }).click();
    await expect(card(p, title).getByText("Вы записаны")).toBeVisible();
    await p.getByRole("link", { name: title }).click();
    await expect(p.locator("strong", { hasText: "наставников" })).toBeVisible();
    await expect(p.getByRole("listitem").filter({ hasText: "кейсы" })).toBeVisible();

    // The organiser moves it with the keyboard-friendly form: another room and time.
    await page.goto(sessionUrl);
    const move = page.locator("form", { has: page.getByRole("heading", { name: "Перенести" }) });
    await move.getByLabel("Начало", { exact: true }).fill("16:00");
    await move.getByLabel("Зал", { exact: true }).selectOption({ label: `${UGRA} — 100 мест` });
    await move.getByLabel("День", { exact: true }).selectOption({ label: "пятница, 29 августа" });
    await move.getByRole("button", { name: "Перенести" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Мероприятие перенесено" })).toHaveText(
      "Мероприятие перенесено. Письма отправлены: 1.",
    );

    // The participant's programme shows the new time and room; the mail has old and new values.
    await p.goto("/my");
    const mine = card(p, title);
    await expect(mine).toContainText("16:00–17:00 МСК");
    await expect(mine).toContainText(UGRA);
    await p.goto(`/dev/mail?to=${encodeURIComponent(demo.participant.email)}`);
    await p
      .getByRole("link", { name: `Изменение в программе: ${title}` })
      .first()
      .click();
    await expect(p.getByText("Было: 29 августа, 13:00–14:00 МСК, Зал «Угра».").first()).toBeVisible();
    await expect(p.getByText("Стало: 29 августа, 16:00–17:00 МСК, Зал «Угра».").first()).toBeVisible();

    // The public change log tells the story, newest first.
    await p.goto("/programme");
    await p.getByRole("link", { name: "Изменения в программе" }).click();
    const entries = p.getByRole("listitem").filter({ hasText: title });
    await expect(entries.first()).toContainText("Перенесено");
    await expect(entries.nth(1)).toContainText("Добавлено");

    // Participants can open neither the editor nor its exports.
    expect((await p.goto("/organiser/programme"))?.status()).toBe(403);
    expect((await p.request.get("/organiser/export/programme?format=csv")).status()).toBe(403);

    // Organisers export the programme (CSV with a BOM for Excel, XLSX) and the attendee list.
    const csv = await page.request.get("/organiser/export/programme?format=csv");
    expect(csv.status()).toBe(200);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain("Код;День;Начало;Окончание;Трек;Формат;Название");
    expect(body.toString("utf8")).toContain(title);
    const template = await page.request.get("/organiser/export/template?format=xlsx");
    expect(template.headers()["content-type"]).toContain("spreadsheetml");
    expect([...(await template.body()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const attendees = await page.request.get(
      `${sessionUrl.replace("/programme/sessions/", "/export/attendees/")}?format=csv`,
    );
    expect((await attendees.body()).toString("utf8")).toContain(demo.participant.email);

    // Cancelling releases the seat; the participant is told and the session leaves /my.
    await page.goto(sessionUrl);
    await page.getByRole("button", { name: "Отменить мероприятие" }).click();
    await page.getByLabel("Причина (попадёт в письмо участникам)").fill("Тестовая отмена");
    await page.getByRole("button", { name: "Да, отменить мероприятие" }).click();
    await expect(page.getByText("Мероприятие отменено. Писем отправлено: 1.")).toBeVisible();
    await p.goto("/my");
    await expect(card(p, title)).toHaveCount(0);
    await p.goto(`/dev/mail?to=${encodeURIComponent(demo.participant.email)}`);
    await expect(p.getByRole("link", { name: `Мероприятие отменено: ${title}` }).first()).toBeVisible();
    await other.close();
  });

  test("import: a preview row by row; a file with an error writes nothing; a good file creates a draft", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const title = `${PREFIX}: импорт ${Date.now().toString(36)}`;
    const header =
      "Код;День;Начало;Окончание;Трек;Формат;Название;Описание;Зал;Мест;Закрытое;Запись;Модераторы;Спикеры";
    const good = `;29.08.2025;18:00;19:00;staff;Круглый стол;${title};Из файла;Переговорная «Кампус»;15;нет;да;;`;
    const bad = ";31.02.2025;18:00;19:00;staff;Танцы;Плохая строка;;;;;;;";
    const file = (lines: string[]) => ({
      name: "programme.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${[header, ...lines].join("\r\n")}`, "utf8"),
    });
    await signIn(page, demo.organiser, "/organiser/programme/import");
    await removeLeftovers(page);
    await page.goto("/organiser/programme/import");

    await page.getByLabel(/^Файл/).setInputFiles(file([good, bad]));
    await page.getByRole("button", { name: "Проверить файл" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Строк: 2." })).toHaveText(
      "Строк: 2. Создать: 1, обновить: 0, без изменений: 0, с ошибками: 1.",
    );
    await expect(page.getByRole("cell", { name: /День «31\.02\.2025» не похож на дату/ })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Исправьте ошибки" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Загрузить в программу" })).toHaveCount(0);
    await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("status")).toHaveText("Ничего не найдено");

    await page.goto("/organiser/programme/import");
    await page.getByLabel(/^Файл/).setInputFiles(file([good]));
    await page.getByRole("button", { name: "Проверить файл" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Строк: 1." })).toContainText("Создать: 1");
    await page.getByRole("button", { name: "Загрузить в программу" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Готово" })).toHaveText(
      "Готово: создано 1, обновлено 0, без изменений 0.",
    );
    await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("row").filter({ hasText: title })).toContainText("Черновик");
  });
});
