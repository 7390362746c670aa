import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseCsv } from "~/server/export/csv";
import { demo, signIn } from "../helpers";

/**
 * The organisers' registration questions (issue 11): the editor at /organiser/registration/questions
 * and the registrations list at /organiser/registration with its downloads. The participant's
 * answers are given through the API (questions.saveMine), as the /register and /account forms would.
 * Questions this spec makes carry RUN in their labels, so a reused server's leftovers do not match.
 */
const RUN = Date.now().toString(36);
const EDITOR = "/organiser/registration/questions";
const label = (what: string) => `E2E ${what} ${RUN}`;

const Q = {
  short: label("Должность наставника"),
  long: label("О себе"),
  choice: label("Формат участия"),
  many: label("Интересующие темы"),
  yesNo: label("Нужна парковка?"),
  date: label("Дата приезда"),
};

type FormQuestion = {
  id: string;
  kind: string;
  label: string;
  required: boolean;
  categories: string[];
  options: { id: string; label: string }[];
};

async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
}

const newQuestionForm = (page: Page) => page.getByRole("region", { name: "Новый вопрос" }).locator("form");
const card = (page: Page, text: string) => page.locator(`li[data-question="${text}"]`);

async function createQuestion(
  page: Page,
  q: { kind: string; label: string; help?: string; required?: boolean; categories?: string[]; options?: string[] },
) {
  const form = newQuestionForm(page);
  await form.getByLabel("Тип ответа").selectOption({ label: q.kind });
  await form.getByLabel("Текст вопроса").fill(q.label);
  if (q.help) await form.getByLabel("Подсказка", { exact: true }).fill(q.help);
  if (q.required) await form.getByLabel("Обязательный вопрос").check();
  for (const c of q.categories ?? []) await form.getByLabel(c, { exact: true }).check();
  for (const [i, option] of (q.options ?? []).entries()) {
    if (i >= 2) await form.getByRole("button", { name: "Добавить вариант" }).click();
    await form.getByLabel(`Вариант ${i + 1}`, { exact: true }).fill(option);
  }
  await form.getByRole("button", { name: "Добавить вопрос" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Вопрос добавлен в форму." })).toBeVisible();
  await expect(card(page, q.label)).toBeVisible();
}

/** The order of this run's questions on the form. */
async function order(page: Page): Promise<string[]> {
  const mine = new Set(Object.values(Q));
  const all = await page
    .getByRole("region", { name: "Вопросы в форме" })
    .locator("li[data-question]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-question") ?? ""));
  return all.filter((l) => mine.has(l));
}

/** What the demo participant (a teacher) answers: this run's questions, and any other required one validly. */
function participantAnswers(questions: FormQuestion[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    if (q.categories.length > 0 && !q.categories.includes("TEACHER")) continue;
    const field = `q_${q.id}`;
    const option = (text: string) => q.options.find((o) => o.label === text)!.id;
    if (q.label === Q.short) out[field] = "Методист";
    else if (q.label === Q.choice) out[field] = option("Очно");
    else if (q.label === Q.many) out[field] = [option("Цифровизация"), option("Наставничество")];
    else if (q.label === Q.yesNo) out[field] = "yes";
    else if (q.label === Q.date) out[field] = "2025-08-25";
    // Another spec's required question on a shared server: a valid answer, so these are accepted.
    else if (q.required)
      out[field] =
        q.kind === "YES_NO" ? "yes" : q.kind === "DATE" ? "2025-08-25" : q.options[0] ? q.options[0].id : "E2E";
  }
  return out;
}

/** The participant, signed in in their own browser, saves answers through the API (questions.saveMine). */
async function answerAsParticipant(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo.participant, "/account");
  const questions = await page.evaluate(async () => {
    const res = await fetch("/api/trpc/questions.form");
    return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
  });
  const answers = participantAnswers(questions as FormQuestion[]);
  const result = await page.evaluate(async (given) => {
    const res = await fetch("/api/trpc/questions.saveMine", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { answers: given } }),
    });
    return { status: res.status, body: await res.text() };
  }, answers);
  expect(result.status, result.body).toBe(200);
  await context.close();
}

test.describe("organiser: registration questions", () => {
  test("creates each kind, reorders, edits, deletes or archives; the list shows and filters answers; CSV and XLSX", async ({
    page,
    browser,
  }) => {
    test.slow();
    await signIn(page, demo.organiser, "/organiser");
    await page.getByRole("link", { name: "Регистрации и вопросы регистрации" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Регистрации", exact: true })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Разделы регистрации" })
      .getByRole("link", { name: "Вопросы регистрации" })
      .click();
    await expect(page).toHaveURL(new RegExp(`${EDITOR}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Вопросы регистрации" })).toBeVisible();

    // A refusal: the errors stand next to their fields and what was typed stays.
    const form = newQuestionForm(page);
    await form.getByLabel("Тип ответа").selectOption({ label: "Один вариант из списка" });
    await form.getByLabel("Подсказка", { exact: true }).fill("Подсказка, которая не должна пропасть");
    await form.getByLabel("Вариант 1", { exact: true }).fill("Единственный");
    await form.getByRole("button", { name: "Добавить вопрос" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    await expect(form.getByLabel("Текст вопроса")).toHaveAccessibleDescription(/Введите текст вопроса\./);
    await expect(
      form.getByText("Для вопроса с выбором нужно не меньше двух вариантов", { exact: false }),
    ).toBeVisible();
    await expect(form.getByLabel("Подсказка", { exact: true })).toHaveValue("Подсказка, которая не должна пропасть");
    await expect(form.getByLabel("Вариант 1", { exact: true })).toHaveValue("Единственный");
    await expect(form.getByLabel("Тип ответа")).toHaveValue("ONE_CHOICE");
    await page.goto(EDITOR);

    // One question of each kind.
    await createQuestion(page, { kind: "Короткий текст", label: Q.short, required: true, help: "Как в приказе" });
    await createQuestion(page, {
      kind: "Длинный текст",
      label: Q.long,
      categories: ["Студент"],
    });
    await createQuestion(page, { kind: "Один вариант из списка", label: Q.choice, options: ["Очно", "Заочно"] });
    await createQuestion(page, {
      kind: "Несколько вариантов из списка",
      label: Q.many,
      options: ["Кадры", "Цифровизация", "Наставничество"],
    });
    await createQuestion(page, { kind: "Да или нет", label: Q.yesNo });
    await createQuestion(page, { kind: "Дата", label: Q.date });

    // The list says the kind in words, required or not, to whom, the help text and the options.
    await expect(card(page, Q.short)).toContainText("Короткий текст · Обязательный");
    await expect(card(page, Q.short)).toContainText("Как в приказе");
    await expect(card(page, Q.short)).toContainText(/Кому показывается\s*всем/);
    await expect(card(page, Q.long)).toContainText(/Кому показывается\s*Студент/);
    await expect(card(page, Q.long)).toContainText("Длинный текст · Необязательный");
    await expect(card(page, Q.many)).toContainText("Кадры; Цифровизация; Наставничество");
    expect(await order(page)).toEqual([Q.short, Q.long, Q.choice, Q.many, Q.yesNo, Q.date]);

    // Reorder: the date goes up above yes/no, the short text down below the long one.
    await page.getByRole("button", { name: `Поднять выше: «${Q.date}»` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Порядок вопросов изменён." })).toBeVisible();
    await expect.poll(() => order(page)).toEqual([Q.short, Q.long, Q.choice, Q.many, Q.date, Q.yesNo]);
    await page.getByRole("button", { name: `Опустить ниже: «${Q.short}»` }).click();
    await expect.poll(() => order(page)).toEqual([Q.long, Q.short, Q.choice, Q.many, Q.date, Q.yesNo]);

    // Edit a label on the question's own page.
    const renamed = label("Должность");
    await page.getByRole("link", { name: `Изменить: «${Q.short}»` }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Изменить вопрос" })).toBeVisible();
    await expect(page.getByLabel("Текст вопроса")).toHaveValue(Q.short);
    await page.getByLabel("Текст вопроса").fill(renamed);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вопрос сохранён." })).toBeVisible();
    await expect(card(page, renamed)).toContainText("Короткий текст · Обязательный");
    await expect(card(page, Q.short)).toHaveCount(0);
    Q.short = renamed;

    // The participant answers (the required short text too).
    await answerAsParticipant(browser);

    // Editing the answered choice question: its kind is fixed; removing the chosen option is refused
    // next to the options (what was typed stays); renaming it keeps the answer.
    await page.goto(EDITOR);
    await page.getByRole("link", { name: `Изменить: «${Q.choice}»` }).click();
    await expect(page.getByText("На вопрос уже отвечали, поэтому тип ответа изменить нельзя.")).toBeVisible();
    await page.getByRole("button", { name: "Убрать вариант 1" }).click();
    await page.getByRole("button", { name: "Добавить вариант" }).click();
    await page.getByLabel("Вариант 2", { exact: true }).fill("Онлайн");
    await page.getByRole("button", { name: "Сохранить" }).click();
    const options = page.getByRole("group", { name: "Варианты ответа" });
    await expect(options).toContainText("Вариант «Очно» уже выбрали участники: его нельзя убрать.");
    await expect(page.getByLabel("Вариант 1", { exact: true })).toHaveValue("Заочно");
    await expect(page.getByLabel("Вариант 2", { exact: true })).toHaveValue("Онлайн");
    await page.reload();
    await page.getByLabel("Вариант 1", { exact: true }).fill("Очно, в Калуге");
    await page.getByRole("button", { name: "Добавить вариант" }).click();
    await page.getByLabel("Вариант 3", { exact: true }).fill("Онлайн");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вопрос сохранён." })).toBeVisible();
    await expect(card(page, Q.choice)).toContainText("Очно, в Калуге; Заочно; Онлайн");
    await expect(card(page, Q.choice)).toContainText("1 ответ");

    // Deleting an unanswered question, with the keyboard: the confirmation step, then gone.
    await page.goto(EDITOR);
    await expect(card(page, Q.yesNo)).toContainText("1 ответ");
    await page.getByRole("button", { name: `Удалить: «${Q.many}»` }).focus();
    await page.keyboard.press("Enter");
    const ask = page.getByRole("group", { name: `Удалить вопрос «${Q.many}»?` });
    await expect(ask).toBeFocused();
    await expect(ask).toContainText(/На вопрос уже ответил 1 участник/);
    await ask.getByRole("button", { name: "Отмена" }).press("Enter");
    await expect(page.getByRole("button", { name: `Удалить: «${Q.many}»` })).toBeFocused();
    await page.getByRole("button", { name: `Удалить: «${Q.long}»` }).press("Enter");
    const askLong = page.getByRole("group", { name: `Удалить вопрос «${Q.long}»?` });
    await expect(askLong).toContainText("На вопрос ещё никто не ответил: он будет удалён совсем.");
    await askLong.getByRole("button", { name: "Да, удалить" }).press("Enter");
    await expect(
      page.getByRole("status").filter({ hasText: "Вопрос удалён: на него никто не отвечал." }),
    ).toBeVisible();
    await expect(card(page, Q.long)).toHaveCount(0);

    // Deleting an answered one archives it; «Вернуть» puts it back.
    await page.getByRole("button", { name: `Удалить: «${Q.yesNo}»` }).click();
    await page
      .getByRole("group", { name: `Удалить вопрос «${Q.yesNo}»?` })
      .getByRole("button", { name: "Да, удалить" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "не удалён, а убран в архив" })).toBeVisible();
    const archive = page.getByRole("region", { name: "Архив" });
    await expect(archive.locator(`li[data-question="${Q.yesNo}"]`)).toContainText("1 ответ");
    await expect(
      page.getByRole("region", { name: "Вопросы в форме" }).locator(`li[data-question="${Q.yesNo}"]`),
    ).toHaveCount(0);
    await archive.getByRole("button", { name: `Вернуть в форму: «${Q.yesNo}»` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вопрос возвращён в форму." })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Вопросы в форме" }).locator(`li[data-question="${Q.yesNo}"]`),
    ).toBeVisible();
    await expect(archive.locator(`li[data-question="${Q.yesNo}"]`)).toHaveCount(0);

    // The registrations list: the answer in words in its column, and the filter by it.
    await page
      .getByRole("navigation", { name: "Разделы регистрации" })
      .getByRole("link", { name: "Регистрации", exact: true })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Регистрации", exact: true })).toBeVisible();
    await page.getByLabel("Ответ на вопрос").selectOption({ label: `${Q.choice}: Очно, в Калуге` });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/answer=/);
    const headers = (await page.getByRole("columnheader").allInnerTexts()).map((h) => h.trim());
    const row = page.getByRole("row").filter({ hasText: demo.participant.email });
    await expect(row).toHaveCount(1);
    const cell = (question: string) => row.getByRole("cell").nth(headers.indexOf(question));
    await expect(cell(Q.choice)).toHaveText("Очно, в Калуге");
    await expect(cell(Q.yesNo)).toHaveText("да");
    await expect(cell(Q.many)).toHaveText("Цифровизация; Наставничество");
    await expect(cell(Q.date)).toHaveText("25 августа 2025 г.");
    await expect(cell(Q.short)).toHaveText("Методист");
    await expect(page.getByRole("row").filter({ hasText: demo.participant2.email })).toHaveCount(0);

    // The downloads carry the filter: the file holds the participant, with the question's column.
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать XLSX" }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe("forum-spo-registration-answers.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = workbook.worksheets[0]!;
    const sheetRows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = sheetRows[0]!.map((v) => String(v ?? ""));
    const mineInSheet = sheetRows.filter((r) => r.includes(demo.participant.email));
    expect(mineInSheet).toHaveLength(1);
    expect(mineInSheet[0]![header.indexOf(Q.choice)]).toBe("Очно, в Калуге");
    expect(mineInSheet[0]![header.indexOf(Q.yesNo)]).toBe("да");
    expect(sheetRows.some((r) => r.includes(demo.participant2.email))).toBe(false);

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать CSV" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe("forum-spo-registration-answers.csv");
    const [csvHeader, ...csvRows] = parseCsv(await readFile((await csvDownload.path())!, "utf8"));
    const mineInCsv = csvRows.find((r) => r.includes(demo.participant.email));
    expect(mineInCsv?.[csvHeader!.indexOf(Q.choice)]).toBe("Очно, в Калуге");
    expect(mineInCsv?.[csvHeader!.indexOf(Q.many)]).toBe("Цифровизация; Наставничество");

    // Filtering by the other option leaves nobody who answered.
    await page.getByLabel("Ответ на вопрос").selectOption({ label: `${Q.choice}: Заочно` });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page.getByText("Регистраций, подходящих под фильтр, нет.")).toBeVisible();

    // The exports page links the same download.
    await page.goto("/organiser/exports");
    await expect(page.locator('a[href="/organiser/export/registration-answers?format=xlsx"]')).toBeVisible();
    await expect(page.locator('a[href="/organiser/export/registration-answers?format=csv"]')).toBeVisible();
  });

  test("the editor and the list fit a 360 px screen without page-level horizontal scroll, with no axe violations", async ({
    page,
  }) => {
    await signIn(page, demo.organiser, EDITOR);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Вопросы регистрации" })).toBeVisible();
    await newQuestionForm(page).getByLabel("Тип ответа").selectOption({ label: "Несколько вариантов из списка" });
    await expect(newQuestionForm(page).getByLabel("Вариант 2", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await violations(page)).toEqual([]);

    await page.goto("/organiser/registration");
    await expect(page.getByRole("heading", { level: 1, name: "Регистрации", exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await violations(page)).toEqual([]);
  });

  test("keeps the pages and the download from participants and guests", async ({ page, browser }) => {
    const guest = await (await browser.newContext()).newPage();
    await guest.goto("/organiser/registration/questions");
    await expect(guest).toHaveURL(/\/signin\?next=/);
    const guestFile = await guest.request.get("/organiser/export/registration-answers?format=csv", { maxRedirects: 0 });
    expect(guestFile.status()).toBe(303);
    await guest.context().close();

    await signIn(page, demo.participant, "/account");
    for (const path of ["/organiser/registration", "/organiser/registration/questions"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
    const file = await page.request.get("/organiser/export/registration-answers?format=xlsx");
    expect(file.status()).toBe(403);
    expect(await file.text()).not.toContain("@forum-spo.local");
  });
});
