import { readFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type Browser, type Page } from "@playwright/test";
import { writeQrVideo } from "./fake-camera";
import { pdfQrCodes, pdfText } from "../../server/tickets/testing";
import { demo, registerAndConfirm, signIn, waitForWorker } from "../helpers";

/**
 * The whole forum day as people live it: a new participant books a session and opens the ticket on
 * the phone without a network; check-in staff scan the real QR code with two devices (the entrance
 * online, the session door offline, synced afterwards); the organiser sees it counted; after the
 * session the participant rates it and downloads a certificate whose code verifies at /verify.
 */
const SESSION = "Атомный кластер: партнёрство колледжей и предприятий отрасли";
const DAY = "2025-08-28";
const person = {
  email: "whole-day@example.ru",
  password: "celyj-den-foruma-2025",
  surname: "Денисова",
  firstName: "Ольга",
};
const NAME = "Денисова Ольга Игоревна";

async function openDoor(desk: Page, device: string, door: string) {
  await desk.goto("/checkin");
  await expect(desk.getByRole("heading", { name: "Регистрация на входе" })).toBeVisible();
  await desk.getByLabel("Название устройства").fill(device);
  await desk.getByRole("combobox", { name: "Вход или зал" }).selectOption(door);
  await desk.getByRole("button", { name: "Начать" }).click();
  await expect(desk.getByText(/Список загружен/)).toBeVisible();
}

/** A browser whose camera films the ticket's QR code, as a phone held up to the desk's would. */
async function browserFilming(secret: string): Promise<Browser> {
  const video = path.join(mkdtempSync(path.join(tmpdir(), "spo-day-")), "ticket.y4m");
  writeQrVideo(video, secret);
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

test("the whole day: ticket offline, two doors on two devices, the organiser's count, feedback, a certificate that verifies", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(480_000);

  // Morning, at home: register, book a session, look at the ticket.
  await registerAndConfirm(page, person);
  await signIn(page, person, "/my");
  await page.goto(`/programme?day=${DAY}`);
  await page.getByRole("link", { name: SESSION }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: SESSION })).toBeVisible();
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Записаться" }).click();
  await expect(page.getByText("Вы записаны", { exact: false }).first()).toBeVisible();
  await expect(page.locator("#a11y-live")).toContainText(`Вы записаны на «${SESSION.slice(0, 20)}`);

  await page.goto("/my");
  const ticket = page.getByRole("region", { name: "Билет участника" });
  await expect(ticket.getByText(NAME)).toBeVisible();
  const secret = await ticket.getByRole("img", { name: "QR-код билета участника" }).getAttribute("data-ticket-secret");
  expect(secret).toBeTruthy();

  // In the hall the phone has no network: the ticket is still there, saying when it was kept.
  await waitForWorker(page);
  await page.reload();
  await expect(ticket.getByText(NAME)).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Нет сети" })).toBeVisible();
  await expect(ticket.getByRole("img", { name: "QR-код билета участника" })).toHaveAttribute(
    "data-ticket-secret",
    secret!,
  );
  await context.setOffline(false);

  // At the venue: two devices of the check-in staff, both filming the participant's phone.
  const camera = await browserFilming(secret!);
  try {
    const deskContext = (name: string) =>
      camera.newContext({ baseURL, locale: "ru-RU", timezoneId: "Europe/Moscow" }).then(async (c) => {
        await c.grantPermissions(["camera"], { origin: baseURL });
        const desk = await c.newPage();
        await signIn(desk, demo.checkin, "/checkin");
        return { context: c, desk, name };
      });
    const entrance = await deskContext("Вход А");
    const hall = await deskContext("Зал Б");

    // The entrance, online: the camera reads the ticket and the person is admitted.
    await openDoor(entrance.desk, entrance.name, `entrance:${DAY}`);
    await entrance.desk.getByRole("button", { name: "Сканировать камерой" }).click();
    const atEntrance = entrance.desk.getByTestId("scan-result");
    await expect(atEntrance).toContainText(NAME, { timeout: 60_000 });
    await expect(atEntrance).toHaveAttribute("data-result", "admitted");
    await expect(atEntrance).toContainText("Проходите");
    await entrance.desk.getByRole("button", { name: "Остановить камеру" }).click();

    // The session door has lost its network after downloading the door's list: it decides alone.
    await openDoor(hall.desk, hall.name, `session:${sessionId}`);
    await expect(hall.desk.getByTestId("camera")).toHaveAttribute("data-ready", "true");
    await hall.context.setOffline(true);
    await hall.desk.getByRole("button", { name: "Сканировать камерой" }).click();
    const atDoor = hall.desk.getByTestId("scan-result");
    await expect(atDoor).toContainText(NAME, { timeout: 60_000 });
    await expect(atDoor).toHaveAttribute("data-result", "admitted");
    await expect(atDoor).toContainText("решено без сети");
    await hall.desk.getByRole("button", { name: "Остановить камеру" }).click();
    await expect(hall.desk.getByTestId("network")).toContainText("Нет сети");
    await expect(hall.desk.getByTestId("queue")).toHaveText("1 отметка ждёт отправки");

    // The network is back: the queued scan goes to the server.
    await hall.context.setOffline(false);
    await hall.desk.getByRole("button", { name: "Отправить сейчас" }).click();
    await expect(hall.desk.getByTestId("queue")).toHaveText("все отметки отправлены");

    // The entrance device, switched to the same door, learns of the hall's scan: a repeat, by «Зал Б».
    await openDoor(entrance.desk, entrance.name, `session:${sessionId}`);
    await entrance.desk.getByLabel("Поиск по фамилии, имени или почте").fill("Денисова");
    await entrance.desk.getByRole("button", { name: "Найти" }).click();
    await entrance.desk.getByRole("button", { name: `Отметить: ${NAME}` }).click();
    await expect(atEntrance).toHaveAttribute("data-result", "duplicate");
    await expect(atEntrance).toContainText("«Зал Б»");
  } finally {
    await camera.close();
  }

  // The organiser's desk counts the admissions.
  const organiser = await (await browser.newContext()).newPage();
  await signIn(organiser, demo.organiser, "/organiser");
  await organiser.goto("/organiser/checkin");
  // The session's row: one admission (the hall's offline scan; the entrance device's repeat is not a second).
  const row = organiser.getByRole("row").filter({ hasText: SESSION });
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  // The dashboard counts it among today's check-ins, at that door and at the entrance.
  await organiser.goto("/organiser/dashboard");
  const doors = organiser.getByRole("table", { name: "Прошли сегодня по входам" });
  await expect(
    doors
      .getByRole("row")
      .filter({ has: organiser.getByRole("rowheader", { name: SESSION }) })
      .locator("td"),
  ).toHaveText("1");

  // After the session (the demo forum is in the past): rate it, download the certificate, verify it.
  await page.goto("/my");
  const feedback = page.getByRole("region", { name: "Оцените мероприятия" });
  await feedback.getByRole("radio", { name: "5" }).check();
  await feedback.getByLabel("Комментарий (необязательно)").fill("Полезно, спасибо");
  await feedback.getByRole("button", { name: "Отправить отзыв" }).click();
  await expect(feedback.getByText("Ваша оценка: 5")).toBeVisible();

  const certificate = page.getByRole("region", { name: "Сертификат участника" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    certificate.getByRole("link", { name: "Скачать сертификат (PDF)" }).click(),
  ]);
  const pdf = await readFile((await download.path())!);
  const text = pdfText(pdf).replace(/\s+/g, " ");
  expect(text).toContain(NAME);
  expect(text).toContain("Атомный кластер");
  const [[url]] = pdfQrCodes(pdf) as [[string]];
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(new URL(url!).pathname);
  await expect(guest.getByRole("heading", { name: "Сертификат действителен" })).toBeVisible();
  await expect(guest.getByText(NAME)).toBeVisible();
});
