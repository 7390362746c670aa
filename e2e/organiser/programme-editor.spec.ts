import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, removeSessionsTitled, signIn } from "../helpers";

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

/** Chips of a people picker by name (each chip ends with its remove button's «×»). */
const chips = (...names: string[]) => names.map((n) => new RegExp(`^${n}`));

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test.describe("organiser: programme editor", () => {
  test("create in the timetable, hit a room conflict, fix it, publish; a booked participant sees the move and gets mail", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const title = `${PREFIX}: наставничество ${Date.now().toString(36)}`;
    await signIn(page, demo.organiser, `/organiser/programme?day=${DAY}`);
    await removeSessionsTitled(page, PREFIX);

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
    await removeSessionsTitled(page, PREFIX);
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

  test("timetable at 1280 px: every room fits, long titles clamp and open on focus, a drop asks where it happened; type-ahead pickers with a new speaker inline", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const uid = Date.now().toString(36);
    const title = `${PREFIX}: очень длинное название мероприятия о наставничестве, кадрах и сетевом взаимодействии колледжей с предприятиями региона ${uid}`;
    const newcomer = `Новенькая Спикерша ${uid}`;
    await signIn(page, demo.organiser, `/organiser/programme?day=${DAY}`);
    await removeSessionsTitled(page, PREFIX);

    // The busiest day (27 August): every room header is inside the window, no horizontal scroll.
    await page.goto("/organiser/programme?day=2025-08-27");
    const grid = page.getByRole("grid", { name: /Сетка программы/ });
    const headers = grid.getByRole("columnheader");
    await expect(headers).toHaveCount(11);
    for (const header of await headers.all()) {
      const box = (await header.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    const overflow = await grid.evaluate((el) => ({
      board: el.parentElement!.scrollWidth - el.parentElement!.clientWidth,
      page: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(overflow).toEqual({ board: 0, page: 0 });

    // The session editor: speakers and moderators by typing, chips, a new speaker added inline.
    await page.goto(`/organiser/programme/sessions/new?day=${DAY}&start=16:00&room=`);
    await page.getByLabel("Название", { exact: true }).fill(title);
    await page.getByLabel("Формат", { exact: true }).selectOption({ label: "Круглый стол" });
    await page.getByLabel("Зал", { exact: true }).selectOption({ label: `${UGRA} — 100 мест` });
    await page.getByLabel("Начало", { exact: true }).fill("16:00");
    await page.getByLabel("Окончание", { exact: true }).fill("17:00");
    const speakers = page.getByRole("combobox", { name: "Спикеры" });
    const speakerChips = page.getByRole("list", { name: "Выбрано: Спикеры" });
    await speakers.click();
    await page.keyboard.type("сам");
    await expect(speakers).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("option", { name: /Самойлова Елена Викторовна/, selected: true })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(speakerChips.getByRole("listitem")).toHaveText(chips("Самойлова Елена Викторовна"));
    await expect(speakers).toHaveValue("");
    // «ё» typed as «е» still finds the person; Backspace in the empty field removes the last chip.
    await page.keyboard.type("журавле");
    await page.keyboard.press("Enter");
    await expect(speakerChips.getByRole("listitem")).toHaveText(
      chips("Самойлова Елена Викторовна", "Журавлёв Павел Игоревич"),
    );
    await page.keyboard.press("Backspace");
    await expect(speakerChips.getByRole("listitem")).toHaveText(chips("Самойлова Елена Викторовна"));
    // Nobody of that name: the only option adds them as a new speaker.
    await page.keyboard.type(newcomer);
    const create = page.getByRole("option", { name: `Добавить «${newcomer}» как нового спикера` });
    await expect(create).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(speakerChips.getByRole("listitem")).toHaveText(chips("Самойлова Елена Викторовна", newcomer));
    // Escape closes the list; the moderator picker offers the new person too.
    const moderators = page.getByRole("combobox", { name: "Модераторы" });
    await moderators.click();
    await page.keyboard.type("новенькая");
    await expect(page.getByRole("option", { name: newcomer })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(moderators).toHaveAttribute("aria-expanded", "false");
    await moderators.fill("");
    await page.keyboard.type("кед");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("list", { name: "Выбрано: Модераторы" }).getByRole("listitem")).toHaveText(
      chips("Кедров Андрей Николаевич"),
    );
    await page.getByLabel("Сохранить, несмотря на предупреждения").check();
    await page.getByRole("button", { name: "Создать черновик" }).click();
    await expect(page).toHaveURL(/\/organiser\/programme\/sessions\/[a-z0-9]+\?notice=created$/);
    await expect(speakerChips.getByRole("listitem")).toHaveText(chips("Самойлова Елена Викторовна", newcomer));
    await expect(page.getByRole("list", { name: "Выбрано: Модераторы" })).toContainText("Кедров Андрей Николаевич");

    // On the timetable the long title is clamped to two lines; focus shows all of it.
    await page.goto(`/organiser/programme?day=${DAY}`);
    const block = card(page, title);
    const heading = block.getByRole("heading", { name: title });
    await expect(block.getByRole("link", { name: title })).toHaveAttribute("title", title);
    const clipped = () => heading.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(await clipped()).toBeGreaterThan(4);
    await block.getByRole("link", { name: title }).focus();
    await expect.poll(clipped).toBeLessThanOrEqual(1);
    const [h, b] = [(await heading.boundingBox())!, (await block.boundingBox())!];
    expect(b.y + b.height).toBeGreaterThanOrEqual(h.y + h.height);

    // A drop: the confirmation opens at the drop cell, inside the window, and takes focus.
    await block.dragTo(page.getByRole("link", { name: `Новое мероприятие: ${OKA}, 13:00` }));
    const confirm = page.getByRole("group").filter({ hasText: `Перенести «${title}»` });
    await expect(confirm.getByRole("button", { name: "Да, перенести" })).toBeFocused();
    const box = (await confirm.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    const cell = (await page.getByRole("link", { name: `Новое мероприятие: ${OKA}, 13:00` }).boundingBox())!;
    expect(Math.abs(box.y - (cell.y + cell.height))).toBeLessThan(4);
    await page.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    await expect(block.getByRole("link", { name: title })).toBeFocused();

    await removeSessionsTitled(page, PREFIX);
  });
});
