import { readFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { writeQrVideo } from "./fake-camera";
import { pdfQrCodes, pdfText, pngQrCodes } from "../../server/tickets/testing";
import { demo, signIn } from "../helpers";

/** Chooses the device name and the first door of the list (the first forum day's entrance). */
async function openDesk(page: Page, device: string) {
  await page.goto("/checkin");
  await expect(page.getByRole("heading", { name: "Регистрация на входе" })).toBeVisible();
  await page.getByLabel("Название устройства").fill(device);
  const door = page.getByRole("combobox", { name: "Вход или зал" });
  const first = await door.locator("option").nth(1).getAttribute("value");
  await door.selectOption(first!);
  await page.getByRole("button", { name: "Начать" }).click();
  await expect(page.getByText(/Список загружен/)).toBeVisible();
}

async function findAndAdmit(page: Page, query: string, name: string) {
  await page.getByLabel("Поиск по фамилии, имени или почте").fill(query);
  await page.getByRole("button", { name: "Найти" }).click();
  await page.getByRole("button", { name: `Отметить: ${name}` }).click();
}

test.describe("forum days", () => {
  test("a participant sees the ticket on /my and downloads it as a PDF that reads back", async ({ page }) => {
    await signIn(page, demo.participant, "/my");
    const section = page.getByRole("region", { name: "Билет участника" });
    await expect(section.getByText("Смирнова Анна Викторовна")).toBeVisible();
    const qr = section.getByRole("img", { name: "QR-код билета участника" });
    await expect(qr).toBeVisible();
    const secret = await qr.getAttribute("data-ticket-secret");
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // What the phone shows decodes to the ticket's secret.
    expect(pngQrCodes(await qr.screenshot())).toEqual([secret]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Скачать билет (PDF, A6)" }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdfText(pdf)).toContain("Смирнова Анна Викторовна");
    expect(pdfText(pdf)).toContain("Калуга");
    expect(pdfQrCodes(pdf)).toEqual([[secret]]);
  });

  test("check-in staff finds a person by name, admits them, and a repeat says «уже отмечен»", async ({ page }) => {
    await signIn(page, demo.checkin, "/checkin");
    await openDesk(page, "Вход 1");
    await findAndAdmit(page, "Смирнова", "Смирнова Анна Викторовна");
    const result = page.getByTestId("scan-result");
    await expect(result).toHaveAttribute("data-result", "admitted");
    await expect(result).toContainText("Проходите");
    await expect(result).toContainText("Смирнова Анна Викторовна");

    await findAndAdmit(page, "Смирнова", "Смирнова Анна Викторовна");
    await expect(result).toHaveAttribute("data-result", "duplicate");
    await expect(result).toContainText("Уже отмечен");
    await expect(result).toContainText("«Вход 1»");
  });

  test("without a network the desk decides from its list, queues the scan and sends it when back", async ({
    page,
    context,
  }) => {
    await signIn(page, demo.checkin, "/checkin");
    await openDesk(page, "Вход 2");
    await context.setOffline(true);
    await findAndAdmit(page, "Орлов", "Орлов Денис Павлович");
    const result = page.getByTestId("scan-result");
    await expect(result).toHaveAttribute("data-result", "admitted");
    await expect(result).toContainText("решено без сети");
    await expect(page.getByTestId("queue")).toHaveText("1 отметка ждёт отправки");

    await context.setOffline(false);
    await page.getByRole("button", { name: "Отправить сейчас" }).click();
    await expect(page.getByTestId("queue")).toHaveText("все отметки отправлены");
    // The server has it: a repeat online is «already», by the offline device.
    await findAndAdmit(page, "Орлов", "Орлов Денис Павлович");
    await expect(result).toHaveAttribute("data-result", "duplicate");
    await expect(result).toContainText("«Вход 2»");
  });

  test("a walk-in at a session door earns a certificate whose code verifies at /verify", async ({ browser }) => {
    const staffPage = await (await browser.newContext()).newPage();
    await signIn(staffPage, demo.checkin, "/checkin");
    await staffPage.goto("/checkin");
    await staffPage.getByLabel("Название устройства").fill("Зал 1");
    const door = staffPage.getByRole("combobox", { name: "Вход или зал" });
    const values = await door.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await door.selectOption(values.find((v) => v.startsWith("session:"))!);
    await staffPage.getByRole("button", { name: "Начать" }).click();
    await expect(staffPage.getByText(/Список загружен/)).toBeVisible();
    await findAndAdmit(staffPage, "Смирнова", "Смирнова Анна Викторовна");
    const result = staffPage.getByTestId("scan-result");
    await expect(result).toHaveAttribute("data-result", /admitted|notBooked/);
    if ((await result.getAttribute("data-result")) === "notBooked") {
      await result.getByRole("button", { name: "Впустить без записи" }).click();
      await expect(result).toHaveAttribute("data-result", "admitted");
    }

    const page = await (await browser.newContext()).newPage();
    await signIn(page, demo.participant, "/my");
    const section = page.getByRole("region", { name: "Сертификат участника" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: "Скачать сертификат (PDF)" }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdfText(pdf)).toContain("Смирнова Анна Викторовна");
    const [[url]] = pdfQrCodes(pdf) as [[string]];
    expect(url).toMatch(/\/verify\/[2-9A-Z]{12}$/);
    await page.goto(new URL(url).pathname);
    await expect(page.getByRole("heading", { name: "Сертификат действителен" })).toBeVisible();
    await expect(page.getByText("Смирнова Анна Викторовна")).toBeVisible();
  });

  test("an organiser sees the counts and downloads badges with the tickets' QR codes", async ({ page }) => {
    await signIn(page, demo.organiser, "/organiser");
    await page.goto("/organiser/checkin");
    await expect(page.getByRole("heading", { name: "Прошли сейчас" })).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Скачать бейджи (PDF)" }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdfText(pdf)).toContain("Смирнова Анна Викторовна");
    expect(pdfQrCodes(pdf).flat().length).toBeGreaterThan(0);
  });

  test("the desk reads a real ticket QR from the camera (Chromium's fake camera)", async ({ page, baseURL }) => {
    await signIn(page, demo.participant2, "/my");
    const secret = await page.getByRole("img", { name: "QR-код билета участника" }).getAttribute("data-ticket-secret");
    const video = path.join(mkdtempSync(path.join(tmpdir(), "spo-camera-")), "ticket.y4m");
    writeQrVideo(video, secret!);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await browser.newContext({ baseURL, locale: "ru-RU", timezoneId: "Europe/Moscow" });
      await context.grantPermissions(["camera"], { origin: baseURL });
      const desk = await context.newPage();
      await signIn(desk, demo.checkin, "/checkin");
      await openDesk(desk, "Камера 1");
      await desk.getByRole("button", { name: "Сканировать камерой" }).click();
      const result = desk.getByTestId("scan-result");
      // Орлов was admitted at this entrance earlier in this file: the camera's scan is a repeat.
      await expect(result).toContainText("Орлов Денис Павлович", { timeout: 60_000 });
      await expect(result).toHaveAttribute("data-result", "duplicate");
    } finally {
      await browser.close();
    }
  });

  test("/verify says plainly that an unknown code is unknown", async ({ page }) => {
    await page.goto("/verify/ABCDEFGHJKMN");
    await expect(page.getByRole("heading", { name: "Сертификат с таким кодом не найден" })).toBeVisible();
    await page.goto("/verify/%3Cscript%3E");
    await expect(page.getByRole("heading", { name: "Сертификат с таким кодом не найден" })).toBeVisible();
  });

  test("a participant cannot open the check-in desk", async ({ page }) => {
    await signIn(page, demo.participant2, "/my");
    const response = await page.goto("/checkin");
    expect(response?.status()).toBe(403);
  });
});
