import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { demo, registerAndConfirm, removeSessionsTitled, signIn } from "../helpers";

/**
 * The organiser desk (issue 11, «Organisers»): the audit log in plain Russian, door-ready exports
 * read back as files, printable sign-in sheets, the import template, confirmations before
 * publishing, accrediting, declining and deleting, and the desk's pages at 360 and 1280 px.
 *
 * Contract with the seed (as in programme-editor.spec.ts): on 29 August «Зал «Угра»» is free from
 * 13:00 to 14:00 and at 16:00. Sessions this spec makes are titled with PREFIX and cancelled or
 * deleted at the end (leftovers of an interrupted run are removed first).
 */
const PREFIX = "E2E-стойка";
const DAY = "2025-08-29";
const UGRA = "Зал «Угра»";
const PASSWORD = "e2e-password-123";
const PHONE = "8 (910) 555-40-71";
/** An organisation a spreadsheet would run as a formula if the export did not defuse it. */
const FORMULA_ORG = '=HYPERLINK("http://example.com";"Колледж")';

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

const uid = () => Date.now().toString(36);
/** Letters only (names are letters): a run-unique surname. */
const surnameOf = (stem: string) => `${stem}${Date.now().toString(36).replace(/\d/g, "")}`;

async function saved(download: Promise<Download>): Promise<string> {
  const path = await (await download).path();
  expect(path).toBeTruthy();
  return path!;
}

async function clickDownload(page: Page, link: Locator): Promise<string> {
  const downloading = page.waitForEvent("download");
  await link.click();
  return saved(downloading);
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** A worksheet's rows as arrays of cells (1-based columns dropped). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: ExcelJS.Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c));
    rows.push(cells);
  }
  return rows;
}

const pdfText = (path: string) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

/** Tracks and rooms an interrupted run left (a stray room would widen every timetable). */
async function removeCatalogueLeftovers(page: Page) {
  for (const [path, kind] of [
    ["tracks", "трек"],
    ["rooms", "зал"],
  ] as const) {
    for (let i = 0; i < 5; i++) {
      await page.goto(`/organiser/programme/${path}`);
      const item = page.getByRole("listitem").filter({ hasText: `${PREFIX} ${kind}` });
      if ((await item.count()) === 0) break;
      const first = item.first();
      await first.locator("summary").click();
      await first.getByRole("checkbox", { name: /^Да, удалить/ }).check();
      await first.getByRole("button", { name: /^Удалить: / }).click();
      await expect(page).toHaveURL(/\?notice=deleted$/);
    }
  }
}

const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe("organiser desk", () => {
  test("a move in the timetable reads as a sentence in the audit log; publishing asks first; door lists, exports and sign-in sheets open as files", async ({
    page,
    browser,
  }) => {
    test.slow();
    const title = `${PREFIX}: наставники ${uid()}`;
    const surname = surnameOf("Стойкина");
    const fullName = `${surname} Марина Игоревна`;
    const email = `e2e-desk-${Date.now()}@example.ru`;

    await signIn(page, demo.organiser, `/organiser/programme?day=${DAY}`);
    await removeSessionsTitled(page, PREFIX);

    // A draft in an empty slot of the timetable.
    await page.goto(`/organiser/programme?day=${DAY}`);
    await page.getByRole("link", { name: `Новое мероприятие: ${UGRA}, 13:00` }).click();
    await page.getByLabel("Название", { exact: true }).fill(title);
    await page.getByLabel("Формат", { exact: true }).selectOption({ label: "Круглый стол" });
    await page.getByLabel("Трек", { exact: true }).selectOption({ label: "Кадровый потенциал" });
    await page.getByLabel("Мест", { exact: true }).fill("30");
    await page.getByLabel("Начало", { exact: true }).fill("13:00");
    await page.getByLabel("Окончание", { exact: true }).fill("14:00");
    await page.getByRole("button", { name: "Создать черновик" }).click();
    await expect(page).toHaveURL(/\/organiser\/programme\/sessions\/[a-z0-9]+\?notice=created$/);
    const sessionUrl = page.url().replace(/\?notice=created$/, "");

    // (a) Moved by drag and drop in the timetable from 13:00 to 16:00, same room.
    await page.goto(`/organiser/programme?day=${DAY}`);
    await card(page, title).dragTo(page.getByRole("link", { name: `Новое мероприятие: ${UGRA}, 16:00` }));
    const confirmMove = page.getByRole("group").filter({ hasText: `Перенести «${title}»` });
    await confirmMove.getByRole("button", { name: "Да, перенести" }).click();
    await expect(page.getByRole("link", { name: `Новое мероприятие: ${UGRA}, 13:00` })).toBeVisible();
    await expect(page.getByRole("link", { name: `Новое мероприятие: ${UGRA}, 16:00` })).toHaveCount(0);

    // The audit log (the admins' page, domain brief) tells it in plain Russian, with Russian filters.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, demo.admin, "/admin/audit");
    const filters = admin.getByRole("search");
    const entity = filters.getByRole("combobox", { name: "Объект" });
    const action = filters.getByRole("combobox", { name: "Действие" });
    await expect(filters.getByLabel("Кто (почта)")).toBeVisible();
    for (const select of [entity, action]) {
      const labels = await select.locator("option").allInnerTexts();
      expect(labels.length).toBeGreaterThanOrEqual(2);
      // Every label is Russian words, none a model or action name such as «ProgrammeSession» or «move».
      for (const label of labels) {
        expect(label).toMatch(/[А-ЯЁа-яё]/);
        expect(label).not.toMatch(/[A-Za-z]/);
      }
    }
    await entity.selectOption({ label: "Сессия" });
    await action.selectOption({ label: "Перенос сессии" });
    await filters.getByRole("button", { name: "Показать" }).click();
    await expect(admin).toHaveURL(/entity=.+&action=.+/);
    const row = admin.getByRole("row").filter({ hasText: title }).first();
    const actor = (await row.locator("td").nth(1).innerText()).trim();
    expect(actor).toBe(demo.organiser.email);
    await expect(row.getByTestId("audit-sentence")).toHaveText(`${actor} перенёс «${title}» с 13:00 на 16:00`);
    const visible = await row.innerText();
    expect(visible).not.toMatch(/ProgrammeSession|programmeSession|\bc[a-z0-9]{20,}\b/);

    // (e) Publishing asks first: sent without the «Да, опубликовать» tick, it stays a draft.
    await page.goto(sessionUrl);
    const tick = page.getByRole("checkbox", { name: `Да, опубликовать «${title}»: оно появится в программе` });
    await expect(tick).not.toBeChecked();
    await page.getByRole("button", { name: "Опубликовать" }).click();
    await page.reload();
    await expect(page.getByText("Черновик", { exact: true }).first()).toBeVisible();
    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    await guestPage.goto(`/programme?day=${DAY}`);
    await expect(card(guestPage, title)).toHaveCount(0);
    await tick.check();
    await page.getByRole("button", { name: "Опубликовать" }).click();
    await expect(page.getByText("Мероприятие опубликовано: оно видно в программе.")).toBeVisible();
    await guestPage.reload();
    await expect(card(guestPage, title)).toContainText("16:00–17:00");
    await guest.close();

    // A new participant whose organisation a spreadsheet would run as a formula books it.
    const other = await browser.newContext();
    const p = await other.newPage();
    await registerAndConfirm(p, { email, password: PASSWORD, surname, organisation: FORMULA_ORG });
    await signIn(p, { email, password: PASSWORD }, `/programme?day=${DAY}`);
    await card(p, title).getByRole("button", { name: "Записаться" }).click();
    await expect(card(p, title).getByText("Вы записаны")).toBeVisible();
    await other.close();

    // (b) The session's attendee list in Excel: one header row, «Дата записи», a readable phone
    // without an apostrophe, the formula-like organisation a plain string.
    await page.goto(sessionUrl);
    const xlsxPath = await clickDownload(page, page.getByRole("link", { name: "Список участников (Excel)" }));
    const sheet = (await workbook(xlsxPath)).worksheets[0]!;
    const rows = rowsOf(sheet);
    const header = rows[0]!.map((c) => String(c.value));
    expect(header).toContain("Дата записи");
    expect(header).toContain("Телефон");
    expect(rows.slice(1).filter((r) => r.some((c) => String(c.value) === "Дата записи"))).toHaveLength(0);
    const mine = rows.find((r) => r.some((c) => c.value === email));
    expect(mine).toBeTruthy();
    const phone = mine![header.indexOf("Телефон")]!;
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.value).toBe(PHONE);
    const org = mine![header.indexOf("Организация")]!;
    expect(org.type).toBe(ExcelJS.ValueType.String);
    expect(org.formula).toBeUndefined();
    expect(String(org.value)).toContain(FORMULA_ORG);
    expect(String(mine![header.indexOf("Дата записи")]!.value)).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(String(mine![header.indexOf("ФИО")]!.value)).toBe(fullName);

    // The same list as CSV: a BOM, one header line, the phone as typed, the formula defused.
    const csvPath = await clickDownload(page, page.getByRole("link", { name: "Список участников (CSV)" }));
    const csv = await readFile(csvPath, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.replace(/^\uFEFF/, "").split(/\r\n/);
    expect(lines[0]).toContain("Дата записи");
    expect(lines.filter((l) => l.includes("Дата записи"))).toHaveLength(1);
    const line = lines.find((l) => l.includes(email))!;
    expect(line.split(";")).toContain(PHONE);
    expect(line).not.toContain(`'${PHONE}`);
    expect(line).toContain(`'=HYPERLINK(`);

    // (c) The printable sign-in sheet of the session: the title and the participant's name.
    const sessionPdf = pdfText(
      await clickDownload(page, page.getByRole("link", { name: "Лист регистрации для печати (PDF)" })),
    );
    expect(sessionPdf).toContain(title);
    expect(sessionPdf).toContain(fullName);

    // One click for every session, every registration, and the room's sign-in sheet.
    await page.goto("/organiser/exports");
    await expect(page.getByRole("heading", { level: 1, name: "Выгрузки для входа и зала" })).toBeVisible();
    const all = await workbook(await clickDownload(page, page.getByRole("link", { name: "Все записи (XLSX)" })));
    const allSheet = all.getWorksheet("Все записи")!;
    const allRows = rowsOf(allSheet).map((r) => r.map((c) => String(c.value ?? "")));
    expect(allRows[0]).toContain("Дата записи");
    expect(allRows.some((r) => r.includes(title) && r.includes(email))).toBe(true);
    expect(all.worksheets.length).toBeGreaterThan(1);
    const allCsv = await readFile(
      await clickDownload(page, page.getByRole("link", { name: "Все записи (CSV)" })),
      "utf8",
    );
    expect(allCsv).toContain(email);
    const regs = await workbook(await clickDownload(page, page.getByRole("link", { name: "Регистрации (XLSX)" })));
    const regRows = rowsOf(regs.worksheets[0]!).map((r) => r.map((c) => String(c.value ?? "")));
    expect(regRows.some((r) => r.includes(email) && r.includes(PHONE))).toBe(true);
    const regCsv = await readFile(
      await clickDownload(page, page.getByRole("link", { name: "Регистрации (CSV)" })),
      "utf8",
    );
    expect(regCsv).toContain(email);
    const roomPdf = pdfText(
      await clickDownload(page, page.getByRole("link", { name: `Лист регистрации: ${UGRA} (PDF)` })),
    );
    expect(roomPdf).toContain(title);
    expect(roomPdf).toContain(fullName);

    // Cancelled at the end: the seat is released and the slot is free for the next run.
    await page.goto(sessionUrl);
    await page.getByRole("button", { name: "Отменить мероприятие" }).click();
    await page.getByRole("button", { name: "Да, отменить мероприятие" }).click();
    await expect(page.getByText(/Мероприятие отменено\./)).toBeVisible();
    await adminContext.close();
  });

  test("the import template's own example row imports without a warning", async ({ page }) => {
    await signIn(page, demo.organiser, "/organiser/programme/import");
    for (const format of ["Шаблон CSV", "Шаблон Excel"] as const) {
      await page.goto("/organiser/programme/import");
      const path = await clickDownload(page, page.getByRole("link", { name: format }));
      await page.getByLabel(/^Файл/).setInputFiles(path);
      await page.getByRole("button", { name: "Проверить файл" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Строк: 1." })).toHaveText(
        "Строк: 1. Создать: 1, обновить: 0, без изменений: 0, с ошибками: 0.",
      );
      await expect(page.getByText("При загрузке предупреждения будут приняты.")).toHaveCount(0);
      // (Next's route announcer is an empty alert region: only alerts with text count.)
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Загрузить в программу" })).toBeVisible();
    }
    // Loaded as it is (the Excel one), it becomes a draft; removed again so that the programme stays as seeded.
    await page.getByRole("button", { name: "Загрузить в программу" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Готово" })).toHaveText(
      "Готово: создано 1, обновлено 0, без изменений 0.",
    );
    const example = "Пример: круглый стол о наставничестве";
    await page.goto(`/organiser/programme/sessions?q=${encodeURIComponent(example)}&status=DRAFT`);
    await page.getByRole("table").getByRole("link", { name: example }).first().click();
    await page.getByRole("button", { name: "Удалить черновик" }).click();
    await page.getByRole("button", { name: "Да, удалить" }).click();
    await expect(page).toHaveURL(/\/organiser\/programme\?day=/);
    // The example's people joined the speaker list with the import (new names): in no session now, they go again.
    for (const name of ["Иванова Мария Петровна", "Петров Иван Сергеевич", "Сидорова Анна Игоревна"]) {
      await page.goto(`/organiser/programme/speakers?q=${encodeURIComponent(name)}`);
      const item = page.getByRole("listitem").filter({ hasText: name });
      await expect(item).toHaveCount(1);
      await item.locator("summary").click();
      await item.getByRole("checkbox", { name: `Да, удалить спикера: ${name}` }).check();
      await item.getByRole("button", { name: `Удалить: ${name}` }).click();
      await expect(page).toHaveURL(/\?notice=deleted$/);
      await page.goto(`/organiser/programme/speakers?q=${encodeURIComponent(name)}`);
      await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
    }
  });

  test("accrediting and declining an August-meeting application ask first; unconfirmed, it stays pending", async ({
    page,
    browser,
  }) => {
    test.slow();
    const region = "Тульская область";
    const email = `e2e-desk-head-${Date.now()}@example.ru`;
    const surname = surnameOf("Решаева");
    const fullName = `${surname} Марина Игоревна`;
    await registerAndConfirm(page, {
      email,
      password: PASSWORD,
      surname,
      region,
      organisation: "Министерство образования Тульской области",
      position: "Министр образования",
      category: "Орган управления образованием субъекта РФ",
    });
    await signIn(page, { email, password: PASSWORD }, "/august-meeting");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Подать заявку" }) });
    await form.getByRole("radio", { name: /Руководитель делегации/ }).check();
    await form.getByRole("button", { name: "Подать заявку" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Состояние заявки: на рассмотрении" })).toBeVisible();

    const organiserContext = await browser.newContext();
    const organiser = await organiserContext.newPage();
    await signIn(organiser, demo.organiser, "/organiser/august-meeting");
    const list = organiser.getByRole("search", { name: "Фильтры заявок" });
    await list.getByRole("combobox", { name: "Регион" }).selectOption({ label: region });
    await list.getByRole("button", { name: "Показать" }).click();
    await expect(organiser).toHaveURL(/region=\d+/);
    const application = organiser
      .getByRole("article")
      .filter({ has: organiser.getByRole("heading", { name: fullName }) });
    await expect(application).toContainText("на рассмотрении");

    // Accredit without the tick: the browser does not send it; after a reload it is still pending.
    await application.getByRole("button", { name: "Аккредитовать" }).click();
    await expect(application.getByRole("checkbox", { name: `Да, аккредитовать: ${fullName}` })).not.toBeChecked();
    await organiser.reload();
    await expect(application).toContainText("на рассмотрении");
    await expect(application.getByRole("button", { name: "Аккредитовать" })).toBeVisible();

    // Decline: «Отмена» closes the form; sent without the tick the server refuses and keeps the reason.
    await application.getByRole("button", { name: "Отклонить", exact: true }).click();
    await application.getByRole("button", { name: "Отмена" }).click();
    await expect(application.getByLabel("Причина")).toHaveCount(0);
    await application.getByRole("button", { name: "Отклонить", exact: true }).click();
    await application.getByLabel("Причина").fill("Проверка подтверждения.");
    await application.getByRole("button", { name: "Отклонить заявку" }).click();
    await expect(application.getByRole("alert")).toContainText("Отметьте «Да», чтобы подтвердить действие.");
    await expect(application.getByLabel("Причина")).toHaveValue("Проверка подтверждения.");
    await organiser.reload();
    await expect(application).toContainText("на рассмотрении");

    // Confirmed, it is declined (which also frees the region's head seat for other runs).
    await application.getByRole("button", { name: "Отклонить", exact: true }).click();
    await application.getByLabel("Причина").fill("Проверка подтверждения.");
    await application.getByRole("checkbox", { name: `Да, отклонить заявку: ${fullName}` }).check();
    await application.getByRole("button", { name: "Отклонить заявку" }).click();
    await expect(application.getByRole("status")).toContainText("Заявка отклонена");
    await organiserContext.close();
  });

  test("«Удалить» for a track, a room and a speaker asks first: unconfirmed it keeps them, confirmed it deletes them (keyboard, and without JavaScript)", async ({
    page,
    browser,
  }) => {
    test.slow();
    const id = uid();
    const track = `${PREFIX} трек ${id}`;
    const room = `${PREFIX} зал ${id}`;
    const speaker = `Удаляемов Пётр ${id}`;
    await signIn(page, demo.organiser, "/organiser/programme/tracks");
    await removeCatalogueLeftovers(page);

    await page.goto("/organiser/programme/tracks");
    const newTrack = page.getByRole("region", { name: "Новый трек" });
    await newTrack.getByLabel(/^Код/).fill(`e2e-${id}`);
    await newTrack.getByLabel("Название", { exact: true }).fill(track);
    await newTrack.getByRole("button", { name: "Добавить" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: track })).toBeVisible();

    await page.goto("/organiser/programme/rooms");
    const newRoom = page.getByRole("region", { name: "Новый зал" });
    await newRoom.getByLabel("Название", { exact: true }).fill(room);
    await newRoom.getByLabel("Вместимость", { exact: true }).fill("12");
    await newRoom.getByRole("button", { name: "Добавить" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: room })).toBeVisible();

    await page.goto(`/organiser/programme/speakers?q=${encodeURIComponent(speaker)}`);
    const newSpeaker = page.getByRole("region", { name: "Новый спикер" });
    await newSpeaker.getByLabel("ФИО", { exact: true }).fill(speaker);
    await newSpeaker.getByRole("button", { name: "Добавить" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: speaker })).toBeVisible();

    const cases = [
      { path: "tracks", name: track, confirm: `Да, удалить трек «${track}»`, done: "Трек удалён." },
      { path: "rooms", name: room, confirm: `Да, удалить зал «${room}»`, done: "Зал удалён." },
      {
        path: `speakers?q=${encodeURIComponent(speaker)}`,
        name: speaker,
        confirm: `Да, удалить спикера: ${speaker}`,
        done: "Спикер удалён.",
      },
    ];
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const bare = await noScript.newPage();
    // The same organiser's session cookie in a browser without JavaScript.
    await bare.context().addCookies(await page.context().cookies());
    for (const [i, c] of cases.entries()) {
      await page.goto(`/organiser/programme/${c.path}`);
      const item = page.getByRole("listitem").filter({ hasText: c.name });
      await item.locator("summary").click();
      const remove = item.getByRole("button", { name: `Удалить: ${c.name}` });
      const tick = item.getByRole("checkbox", { name: c.confirm });
      // Cancel: without the tick the browser does not send the form …
      await remove.click();
      expect(await tick.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
      // … and a form sent anyway (an old page, a script) is refused by the server: nothing is deleted.
      await tick.evaluate((el) => el.removeAttribute("required"));
      await remove.click();
      await expect(item.getByRole("alert")).toContainText("Отметьте «Да», чтобы подтвердить действие.");
      await page.reload();
      await expect(page.getByRole("listitem").filter({ hasText: c.name })).toHaveCount(1);

      if (i < 2) {
        // Confirm with the keyboard: Space ticks, Enter on the button sends.
        await item.locator("summary").click();
        await tick.focus();
        await page.keyboard.press("Space");
        await expect(tick).toBeChecked();
        await remove.focus();
        await page.keyboard.press("Enter");
        await expect(page).toHaveURL(/\?notice=deleted$/);
        await expect(page.getByRole("status").filter({ hasText: c.done })).toBeVisible();
      } else {
        // Without JavaScript: the same form, ticked and sent, deletes.
        await bare.goto(`/organiser/programme/${c.path}`);
        const bareItem = bare.getByRole("listitem").filter({ hasText: c.name });
        await bareItem.locator("summary").click();
        await bareItem.getByRole("checkbox", { name: c.confirm }).check();
        await bareItem.getByRole("button", { name: `Удалить: ${c.name}` }).click();
        await expect(bare).toHaveURL(/\?notice=deleted$/);
        await expect(bare.getByRole("status").filter({ hasText: c.done })).toBeVisible();
      }
      await page.goto(`/organiser/programme/${c.path}`);
      await expect(page.getByRole("listitem").filter({ hasText: c.name })).toHaveCount(0);
    }
    await noScript.close();
  });

  test("at 360 px the timetable and the audit log fit the screen; at 1280 px every room shows and the time column is sticky", async ({
    page,
    browser,
  }) => {
    await signIn(page, demo.organiser, "/organiser/programme?day=2025-08-27");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/organiser/programme?day=2025-08-27");
    const grid = page.getByRole("grid", { name: /Сетка программы/ });
    await expect(grid).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    const adminContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const admin = await adminContext.newPage();
    await signIn(admin, demo.admin, "/admin/audit");
    await expect(admin.getByRole("heading", { level: 1, name: "Журнал действий" })).toBeVisible();
    expect(await pageOverflow(admin)).toBeLessThanOrEqual(0);
    await adminContext.close();

    // 1280 px: all eleven columns (time + ten rooms) inside the window; the time column stays put
    // when the board scrolls sideways (sticky at the left edge).
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/organiser/programme?day=2025-08-27");
    const headers = grid.getByRole("columnheader");
    expect(await headers.count()).toBeGreaterThanOrEqual(11);
    for (const header of await headers.all()) {
      const box = (await header.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      await expect(header).toBeVisible();
    }
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const time = grid.getByRole("rowheader").first();
    await expect(time).toHaveCSS("position", "sticky");
    await expect(time).toHaveCSS("left", "0px");
    await expect(headers.first()).toHaveCSS("position", "sticky");
  });
});
