import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/** Day 1 sessions of the demo programme, both 12:30–14:00 (so they clash). */
const EXAM = "Демонстрационный экзамен: итоги 2025 года и изменения в процедуре";
const TEACHER = "Преподаватель СПО сегодня: компетенции, нагрузка, мотивация";
/**
 * A demo session with a single seat, so that two demo participants can fill it and queue.
 * Contract with the seed (prisma/seed): day 3, 27 August, capacity 1, this exact title.
 */
const ONE_SEAT = "Консультация эксперта: аудит образовательной программы колледжа";

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

const seats = (where: Locator) => where.getByTestId("seat-line");

/** The number in «осталось N мест». */
async function seatsLeft(where: Locator): Promise<number> {
  const text = (await seats(where).textContent()) ?? "";
  const m = /осталось (\d+)/.exec(text);
  expect(m, `seat line «${text}»`).not.toBeNull();
  return Number(m![1]);
}

/** Empties the signed-in person's schedule through /my (a rerun against a reused server starts clean). */
async function resetSchedule(page: Page) {
  await page.goto("/my");
  for (let guard = 0; guard < 20; guard++) {
    const cancel = page.getByRole("button", { name: "Отменить запись" }).first();
    const leave = page.getByRole("button", { name: "Выйти из листа ожидания" }).first();
    const star = page.locator('button[aria-pressed="true"]').first();
    if (await cancel.isVisible()) {
      await cancel.click();
      await page.getByRole("button", { name: "Да, отменить" }).click();
    } else if (await leave.isVisible()) await leave.click();
    else if (await star.isVisible()) await star.click();
    else break;
    await page.waitForLoadState("networkidle");
  }
  await expect(page.getByText("В вашей программе пока ничего нет.")).toBeVisible();
}

test.describe("booking and the personal schedule", () => {
  test("book, see the seats drop, swap after a clash, download the .ics, cancel from /my", async ({ page }) => {
    await signIn(page, demo.participant, "/my");
    await resetSchedule(page);
    await page.goto("/programme?day=2025-08-25");
    const exam = card(page, EXAM);
    const teacher = card(page, TEACHER);
    const examSeats = await seatsLeft(exam);
    const teacherSeats = await seatsLeft(teacher);

    await exam.getByRole("button", { name: "Записаться" }).click();
    await expect(exam.getByText("Вы записаны")).toBeVisible();
    await expect(seats(exam)).toHaveText(`осталось ${examSeats - 1} мест`);

    // Same time slot: refused with the other session named, and a swap is offered.
    await teacher.getByRole("button", { name: "Записаться" }).click();
    const clash = teacher.getByRole("group");
    await expect(clash).toContainText(`«${EXAM}» (12:30–14:00)`);
    await expect(clash.getByRole("button", { name: "Оставить как есть" })).toBeFocused();
    await clash.getByRole("button", { name: "Записаться сюда вместо этого" }).click();
    await expect(teacher.getByText("Вы записаны")).toBeVisible();
    await expect(seats(teacher)).toHaveText(`осталось ${teacherSeats - 1} мест`);
    await expect(seats(exam)).toHaveText(`осталось ${examSeats} мест`);
    await expect(exam.getByRole("button", { name: "Записаться" })).toBeVisible();

    // Star a free-standing session; it shows up in /my next to the seat.
    await card(page, EXAM)
      .getByRole("button", { name: `Избранное: «${EXAM}»` })
      .click();
    await expect(card(page, EXAM).getByRole("button", { name: `Избранное: «${EXAM}»` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await page.goto("/my");
    await expect(page.getByRole("heading", { level: 1, name: "Моя программа" })).toBeVisible();
    const mine = card(page, TEACHER);
    await expect(mine.getByText("Вы записаны")).toBeVisible();
    // The starred exam overlaps the booked session: a choice still open, not a clash (only two seats clash).
    await expect(card(page, EXAM)).toContainText("В избранном");
    await expect(card(page, EXAM)).not.toContainText("Пересекается по времени");
    await expect(mine).not.toContainText("Пересекается по времени");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Скачать моё расписание (.ics)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("forum-spo-my-schedule.ics");
    const ics = await readFile((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;TZID=Europe/Moscow:20250825T123000");
    expect(ics.replace(/\r\n /g, "")).toContain(`SUMMARY:${TEACHER.replace(/,/g, "\\,")}`);
    expect(ics).toMatch(/UID:[a-z0-9]+@forum-spo/);

    // Cancel from the schedule, through the confirm step; unstar the exam.
    await mine.getByRole("button", { name: "Отменить запись" }).click();
    await mine.getByRole("button", { name: "Да, отменить" }).click();
    await expect(card(page, TEACHER)).toHaveCount(0);
    await card(page, EXAM)
      .getByRole("button", { name: `Избранное: «${EXAM}»` })
      .click();
    await expect(page.getByText("В вашей программе пока ничего нет.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Открыть программу" })).toBeVisible();
  });

  test("a full session: join the waitlist; a cancellation gives the seat to the first in line", async ({
    page,
    browser,
  }) => {
    await signIn(page, demo.participant, "/programme?day=2025-08-27");
    const first = card(page, ONE_SEAT);
    await expect(seats(first)).toHaveText("осталось 1 место");
    await first.getByRole("button", { name: "Записаться" }).click();
    await expect(first.getByText("Вы записаны")).toBeVisible();
    await expect(seats(first)).toHaveText("мест нет");

    const other = await browser.newContext();
    const page2 = await other.newPage();
    await signIn(page2, demo.participant2, "/programme?day=2025-08-27");
    const second = card(page2, ONE_SEAT);
    await expect(seats(second)).toHaveText("мест нет");
    await second.getByRole("button", { name: "Где есть места в это время" }).click();
    await expect(second.getByRole("region", { name: "Есть места в это же время" })).toBeVisible();
    await second.getByRole("button", { name: "Встать в лист ожидания" }).click();
    await expect(second.getByText("Вы в листе ожидания, место в очереди: 1")).toBeVisible();
    await expect(seats(second)).toHaveText("мест нет — лист ожидания: 1");

    // The first participant cancels: the seat goes to the second, who is told by mail.
    await first.getByRole("button", { name: "Отменить запись" }).click();
    await first.getByRole("button", { name: "Да, отменить" }).click();
    await expect(first.getByRole("button", { name: "Встать в лист ожидания" })).toBeVisible();
    await expect(seats(first)).toHaveText("мест нет");

    await page2.reload();
    await expect(card(page2, ONE_SEAT).getByText("Вы записаны")).toBeVisible();
    await page2.goto(`/dev/mail?to=${encodeURIComponent(demo.participant2.email)}`);
    await expect(page2.getByRole("link", { name: `Для вас освободилось место: ${ONE_SEAT}` }).first()).toBeVisible();

    // Leave things as they were for the next run.
    await page2.goto("/my");
    await card(page2, ONE_SEAT).getByRole("button", { name: "Отменить запись" }).click();
    await card(page2, ONE_SEAT).getByRole("button", { name: "Да, отменить" }).click();
    await expect(card(page2, ONE_SEAT)).toHaveCount(0);
    await other.close();
  });

  test("the private calendar feed: create, fetch, replace, revoke", async ({ page, request }) => {
    await signIn(page, demo.participant2, "/my");
    const field = page.getByLabel("Ссылка для подписки");
    if (await field.isVisible()) {
      await page.getByRole("button", { name: "Отключить подписку" }).click();
      await page.getByRole("group").getByRole("button", { name: "Отключить подписку" }).click();
    }
    await page.getByRole("button", { name: "Получить ссылку для подписки" }).click();
    await expect(field).toBeVisible();
    const url = new URL(await field.inputValue());
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await request.get(url.pathname);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(await feed.text()).toContain("X-WR-CALNAME:Форум СПО — моя программа");

    await page.getByRole("button", { name: "Заменить ссылку" }).click();
    await page.getByRole("group").getByRole("button", { name: "Заменить ссылку" }).click();
    await expect(field).not.toHaveValue(url.toString());
    expect((await request.get(url.pathname)).status()).toBe(404);
    const replaced = new URL(await field.inputValue());
    expect((await request.get(replaced.pathname)).status()).toBe(200);

    await page.getByRole("button", { name: "Отключить подписку" }).click();
    await page.getByRole("group").getByRole("button", { name: "Отключить подписку" }).click();
    await expect(page.getByRole("button", { name: "Получить ссылку для подписки" })).toBeVisible();
    expect((await request.get(replaced.pathname)).status()).toBe(404);
  });

  test("guests see seats and are asked to sign in; /my needs sign-in; the programme exports", async ({
    page,
    request,
  }) => {
    await page.goto("/programme?day=2025-08-25");
    const exam = card(page, EXAM);
    await expect(seats(exam)).toHaveText(/осталось \d+ мест/);
    await expect(exam.getByRole("link", { name: "Войдите, чтобы записаться" })).toHaveAttribute(
      "href",
      "/signin?next=%2Fprogramme%3Fday%3D2025-08-25",
    );
    await page.goto("/my");
    await expect(page).toHaveURL(/\/signin\?next=(%2F|\/)my/);

    const all = await request.get("/programme.ics");
    expect(all.status()).toBe(200);
    expect((await all.text()).match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(50);
    const track = await request.get("/programme.ics?track=sovereignty");
    expect(track.status()).toBe(200);
    expect((await request.get("/programme.ics?track=no-such-track")).status()).toBe(404);
  });

  test("without JavaScript the programme still shows the seats", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/programme?day=2025-08-25");
    await expect(seats(card(page, EXAM))).toHaveText(/осталось \d+ мест/);
    await context.close();
  });
});
