import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "../helpers";

/** Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on the main pages. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join("; ")}`,
  );
}

test.describe("accessibility", () => {
  for (const path of [
    "/",
    "/programme?day=2025-08-26",
    "/speakers",
    "/register",
    "/signin",
    "/august-meeting",
    "/verify/ABCDEFGHJKMN",
  ]) {
    test(`guest page ${path} has no WCAG A/AA violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }

  test("participant pages have no WCAG A/AA violations", async ({ page }) => {
    await signIn(page, demo.participant, "/my");
    for (const path of ["/my", "/account"]) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      expect(await violations(page), path).toEqual([]);
    }
  });

  test("organiser pages have no WCAG A/AA violations", async ({ page }) => {
    await signIn(page, demo.organiser, "/organiser");
    for (const path of [
      "/organiser",
      "/organiser/programme",
      "/organiser/programme/sessions",
      "/organiser/august-meeting",
      "/organiser/august-meeting/roll-call",
      "/organiser/checkin",
      "/checkin",
    ]) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      expect(await violations(page), path).toEqual([]);
    }
  });
});
