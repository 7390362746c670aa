import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "../helpers";

test.describe("speaker photos", () => {
  test("an organiser uploads a photo, the public page shows it; a non-image is refused; removal asks first", async ({
    page,
  }) => {
    await signIn(page, demo.organiser, "/organiser/programme/speakers");
    const entry = page.locator("li details").first();
    await entry.locator("summary").click();
    const speakerId = await entry.locator('input[type="hidden"][name="id"]').first().getAttribute("value");
    const fullName = (await entry.locator("summary span").first().textContent())!.trim();
    expect(speakerId).toBeTruthy();

    // Not an image: refused next to the field, nothing stored.
    const photoInput = entry.getByLabel("Фотография");
    await photoInput.setInputFiles({ name: "cv.txt", mimeType: "text/plain", buffer: Buffer.from("резюме") });
    await entry.getByRole("button", { name: "Загрузить фото" }).click();
    await expect(entry.getByRole("alert")).toContainText("Это не изображение");

    // A landscape JPEG from a phone: stored as a square WebP.
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#b45309" } })
      .jpeg()
      .toBuffer();
    await entry.getByLabel("Фотография").setInputFiles({ name: "portrait.jpg", mimeType: "image/jpeg", buffer: jpeg });
    await entry.getByRole("button", { name: "Загрузить фото" }).click();
    await expect(entry.getByRole("status")).toContainText("Фотография сохранена.");

    await page.goto(`/speakers/${speakerId}`);
    const img = page.locator(`img[src*="/speakers/${speakerId}/photo/"]`).first();
    await expect(img).toBeVisible();
    const response = await page.request.get((await img.getAttribute("src"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/webp");
    const meta = await sharp(await response.body()).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 400, 400]);

    // Removal needs the «Да» tick; then the public page falls back to initials.
    await page.goto(`/organiser/programme/speakers?q=${encodeURIComponent(fullName)}`);
    const again = page.locator("li details").filter({ has: page.locator(`input[name="id"][value="${speakerId}"]`) });
    await again.locator("summary").click();
    await again.getByLabel(`Да, удалить фотографию: ${fullName}`).check();
    await again.getByRole("button", { name: "Удалить фото" }).click();
    await expect(again.getByRole("status")).toContainText("Фотография удалена.");
    await page.goto(`/speakers/${speakerId}`);
    await expect(page.locator(`img[src*="/speakers/${speakerId}/photo/"]`)).toHaveCount(0);
  });
});
