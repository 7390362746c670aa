import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, linkFromMail, signIn } from "../helpers";

/**
 * The participants' side of the organisers' registration questions (issue 11) and registering
 * again after a cancellation. The questions are created as the demo organiser through the API
 * (the same tRPC mutation the organisers' editor calls), and removed again afterwards; the
 * required ones are for students only, so no other spec's registration meets them.
 */
const stamp = Date.now().toString(36);
const label = {
  topic: `Тема выступления ${stamp}`,
  wishes: `Пожелания к программе ${stamp}`,
  size: `Размер футболки ${stamp}`,
  interests: `Интересные направления ${stamp}`,
  hotel: `Нужна гостиница ${stamp}`,
  arrival: `Дата приезда ${stamp}`,
  course: `Курс обучения ${stamp}`,
};
const created: string[] = [];

type Trpc = { path: string; input: unknown };
/** A tRPC mutation from the page (the browser sends the session cookie and the site's origin). */
async function mutate(page: Page, { path, input }: Trpc): Promise<{ id: string }> {
  return page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
      const body = (await res.json()) as { result?: { data: { json: { id: string } } }; error?: unknown };
      if (!res.ok) throw new Error(`${path} ${res.status}: ${JSON.stringify(body.error)}`);
      return body.result!.data.json;
    },
    { path, input },
  );
}

async function asOrganiser<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, demo.organiser);
    return await run(page);
  } finally {
    await context.close();
  }
}

const question = (over: Record<string, unknown>) => ({
  help: "",
  required: false,
  categories: [] as string[],
  options: [] as string[],
  ...over,
});

test.beforeAll(async ({ browser }) => {
  await asOrganiser(browser, async (page) => {
    const all = [
      // Students only, like every required one here: a question required of everyone would reach other specs.
      question({
        kind: "SHORT_TEXT",
        label: label.topic,
        help: "Одной фразой",
        required: true,
        categories: ["STUDENT"],
      }),
      question({ kind: "LONG_TEXT", label: label.wishes }),
      question({ kind: "ONE_CHOICE", label: label.size, options: ["S", "M", "L"] }),
      question({ kind: "MANY_CHOICES", label: label.interests, options: ["Цифровизация", "Кадры", "Наставничество"] }),
      question({ kind: "YES_NO", label: label.hotel }),
      question({ kind: "DATE", label: label.arrival }),
      question({
        kind: "ONE_CHOICE",
        label: label.course,
        required: true,
        categories: ["STUDENT"],
        options: ["1 курс", "2 курс"],
      }),
    ];
    for (const input of all) created.push((await mutate(page, { path: "questions.create", input })).id);
  });
});

test.afterAll(async ({ browser }) => {
  await asOrganiser(browser, async (page) => {
    for (const id of created) await mutate(page, { path: "questions.remove", input: { id } });
  });
});

async function fillPerson(page: Page, p: { email: string; password: string }) {
  await page.getByLabel("Фамилия").fill("Смирнова");
  await page.getByRole("textbox", { name: "Имя", exact: true }).fill("Дарья");
  await page.getByLabel("Телефон").fill("8 (910) 555-77-01");
  await page.getByRole("combobox", { name: "Регион" }).selectOption({ label: "Калужская область" });
  await page.getByLabel("Организация").fill("Калужский колледж информационных технологий");
  await page.getByLabel("Должность").fill("Студентка");
  await page.getByLabel("Электронная почта").fill(p.email);
  await page.getByLabel("Пароль").fill(p.password);
}

/** axe-core's findings (the same rule set as e2e/a11y/pages.spec.ts). */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
}

const group = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(name) });

test("registration with the organisers' questions: the category shows its question, a refusal keeps every value, the answers are stored, edited at /account, and a cancelled person registers again", async ({
  page,
}) => {
  const email = `e2e-q-${stamp}@example.ru`;
  const password = "e2e-вопросы-пароль-2026";
  await page.goto("/register");
  await fillPerson(page, { email, password: "short" });
  const category = page.getByRole("combobox", { name: "Категория участника" });

  // The students-only questions show only for students.
  await category.selectOption({ label: "Эксперт" });
  await expect(page.getByLabel(label.wishes)).toBeVisible();
  await expect(group(page, label.course)).toBeHidden();
  await expect(page.getByLabel(label.topic)).toBeHidden();
  await category.selectOption({ label: "Студент" });
  await expect(group(page, label.course)).toBeVisible();
  await expect(group(page, label.course)).toContainText("обязательный");
  await expect(group(page, label.course)).toContainText("Только для категорий: Студент.");
  await expect(page.getByLabel(label.topic)).toBeVisible();
  await expect(page.getByText("Одной фразой")).toBeVisible();

  // Everything typed, the answers too; the required students' questions left empty, the password too short.
  await page.getByLabel(label.wishes).fill("Больше практики");
  await group(page, label.size).getByLabel("M").check();
  await group(page, label.interests).getByLabel("Кадры").check();
  await group(page, label.interests).getByLabel("Наставничество").check();
  await group(page, label.hotel).getByLabel("Да").check();
  await page.getByLabel(label.arrival).fill("2026-08-24");
  await page.getByLabel(/даю согласие/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Проверьте поля" });
  await expect(summary).toBeVisible();
  // One submit names every field to fix, the answers' included, and the errors stand next to them.
  await expect(summary.getByRole("link", { name: label.course })).toBeVisible();
  await expect(summary.getByRole("link", { name: label.topic })).toBeVisible();
  await expect(page.getByText("Пароль должен быть не короче 10 символов.")).toBeVisible();
  await expect(group(page, label.course)).toContainText("Ответьте на этот вопрос.");
  await expect(page.getByLabel("Пароль")).toHaveValue("short");
  await expect(page.getByLabel("Фамилия")).toHaveValue("Смирнова");
  await expect(category).toHaveValue("STUDENT");
  await expect(page.getByLabel(label.wishes)).toHaveValue("Больше практики");
  await expect(group(page, label.size).getByLabel("M")).toBeChecked();
  await expect(group(page, label.interests).getByLabel("Кадры")).toBeChecked();
  await expect(group(page, label.interests).getByLabel("Наставничество")).toBeChecked();
  await expect(group(page, label.interests).getByLabel("Цифровизация")).not.toBeChecked();
  await expect(group(page, label.hotel).getByLabel("Да")).toBeChecked();
  await expect(page.getByLabel(label.arrival)).toHaveValue("2026-08-24");
  await expect(page.getByLabel(/даю согласие/)).toBeChecked();
  expect(await violations(page), "/register with questions and errors").toEqual([]);

  // A good password now, one required question still empty: the server refuses, the password stays.
  await page.getByLabel("Пароль").fill(password);
  await page.getByLabel(label.topic).fill("Цифровые двойники в колледже");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  // The server's answer: only the students' course is left to answer.
  await expect(page.getByText("Пароль должен быть не короче 10 символов.")).toBeHidden();
  await expect(summary.getByRole("link")).toHaveText([label.course]);
  await expect(group(page, label.course)).toContainText("Ответьте на этот вопрос.");
  await expect(page.getByLabel("Пароль")).toHaveValue(password);
  await expect(page.getByLabel(label.topic)).toHaveValue("Цифровые двойники в колледже");
  await expect(group(page, label.interests).getByLabel("Кадры")).toBeChecked();

  await group(page, label.course).getByLabel("2 курс").check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("status")).toContainText(`Проверьте почту ${email}`);

  await page.goto(await linkFromMail(page, email, "Подтвердите регистрацию на Форуме СПО", "/register/confirm?token="));
  await page.getByRole("button", { name: "Подтвердить регистрацию" }).click();
  await expect(page.getByRole("status")).toContainText("подтверждён");
  await signIn(page, { email, password });

  // /account shows the stored answers and edits them; a refusal keeps the others as typed.
  const answers = page.locator("form").filter({ has: page.getByRole("button", { name: "Сохранить ответы" }) });
  await expect(page.getByRole("heading", { name: "Ответы на вопросы организаторов" })).toBeVisible();
  await expect(answers.getByLabel(label.topic)).toHaveValue("Цифровые двойники в колледже");
  await expect(group(page, label.course).getByLabel("2 курс")).toBeChecked();
  await expect(group(page, label.interests).getByLabel("Наставничество")).toBeChecked();
  await expect(answers.getByLabel(label.arrival)).toHaveValue("2026-08-24");
  await expect(page.getByText(/Ответы можно изменить/)).toBeVisible();
  expect(await violations(page), "/account with answers").toEqual([]);
  await answers.getByLabel(label.topic).fill("");
  await group(page, label.size).getByLabel("L").check();
  await answers.getByRole("button", { name: "Сохранить ответы" }).click();
  await expect(answers.getByText("Ответьте на этот вопрос.")).toBeVisible();
  await expect(group(page, label.size).getByLabel("L")).toBeChecked();
  await answers.getByLabel(label.topic).fill("Наставничество на производстве");
  await answers.getByRole("button", { name: "Сохранить ответы" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ответы сохранены." })).toBeVisible();
  await page.reload();
  await expect(answers.getByLabel(label.topic)).toHaveValue("Наставничество на производстве");
  await expect(group(page, label.size).getByLabel("L")).toBeChecked();

  // Cancelling lands on /register?cancelled=1, which explains and offers the short form.
  await page.getByRole("button", { name: "Отменить регистрацию…" }).click();
  await page.getByRole("button", { name: "Да, отменить регистрацию" }).click();
  await expect(page).toHaveURL(/\/register\?cancelled=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Регистрация отменена" })).toBeVisible();
  await expect(page.getByText(/билет больше не действует/)).toBeVisible();
  await expect(page.getByText(/Пароль и анкету вводить заново не нужно/)).toBeVisible();
  await expect(page.getByLabel("Пароль")).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Категория участника" })).toHaveValue("STUDENT");
  await expect(group(page, label.course)).toBeVisible();
  expect(await violations(page), "/register?cancelled=1").toEqual([]);

  // Registering again: refused without consent (answers kept), then done.
  await group(page, label.course).getByLabel("1 курс").check();
  await page.getByLabel(label.topic).fill("Возвращаюсь на форум");
  await page.getByRole("button", { name: "Зарегистрироваться снова" }).click();
  await expect(page.getByText("Без согласия на обработку персональных данных регистрация невозможна.")).toBeVisible();
  await expect(group(page, label.course).getByLabel("1 курс")).toBeChecked();
  await expect(page.getByLabel(label.topic)).toHaveValue("Возвращаюсь на форум");
  await page.getByLabel(/даю согласие/).check();
  await page.getByRole("button", { name: "Зарегистрироваться снова" }).click();
  await expect(page.getByRole("status").filter({ hasText: "вы снова зарегистрированы" })).toBeVisible();
  await page.getByRole("link", { name: "Открыть «Моя программа»" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Моя программа" })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByText("подтверждена")).toBeVisible();
  await expect(page.getByLabel(label.topic)).toHaveValue("Возвращаюсь на форум");
  await page.goto("/register");
  await expect(page.getByRole("heading", { level: 1, name: "Вы уже зарегистрированы" })).toBeVisible();
});

test("at 360 px the questions fit the screen and follow the category", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/register");
  const category = page.getByRole("combobox", { name: "Категория участника" });
  await category.selectOption({ label: "Работодатель" });
  await expect(group(page, label.course)).toBeHidden();
  await category.selectOption({ label: "Студент" });
  await group(page, label.course).scrollIntoViewIfNeeded();
  await expect(group(page, label.course).getByLabel("1 курс")).toBeVisible();
  await expect(page.getByLabel(label.arrival)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("without JavaScript every question shows, with a note on whom it is for", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/register");
    await expect(group(page, label.course)).toBeVisible();
    await expect(page.getByLabel(label.topic)).toBeVisible();
    await expect(page.getByText(/Некоторые вопросы задаются только отдельным категориям/)).toBeVisible();
    await expect(group(page, label.course)).toContainText("Только для категорий: Студент.");
    // Signed out after cancelling: the page points to signing in, not to a second account.
    await page.goto("/register?cancelled=1");
    await expect(page.getByText(/Если вы отменили регистрацию, новая анкета не нужна/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Регистрация участника форума" })).toBeVisible();
  } finally {
    await context.close();
  }
});
