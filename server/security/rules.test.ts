import { describe, expect, it } from "vitest";
import {
  assertValidLimit,
  minutesToWait,
  secondsUntilWindowEnds,
  tooManyAttemptsMessage,
  windowStartFor,
} from "~/server/security/rules";
import { withLocale } from "~/server/i18n/translate";

describe("tooManyAttemptsMessage's plural (ICU, in the current locale)", () => {
  it.each([
    [1, "минуту"],
    [2, "минуты"],
    [4, "минуты"],
    [5, "минут"],
    [11, "минут"],
    [12, "минут"],
    [14, "минут"],
    [20, "минут"],
    [21, "минуту"],
    [22, "минуты"],
    [101, "минуту"],
    [111, "минут"],
    [122, "минуты"],
    [211, "минут"],
  ])("%i → %s", (n, word) => {
    expect(tooManyAttemptsMessage(n * 60)).toBe(`Слишком много попыток. Попробуйте снова через ${n} ${word}.`);
  });

  it.each([
    [1, "1 minute"],
    [2, "2 minutes"],
    [21, "21 minutes"],
  ])("in English: %i → %s", (n, phrase) => {
    expect(withLocale("en", () => tooManyAttemptsMessage(n * 60))).toBe(`Too many attempts. Try again in ${phrase}.`);
  });
});

describe("tooManyAttemptsMessage", () => {
  it("rounds the wait up to whole minutes, at least one", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(0)).toBe(1);
  });

  it("speaks Russian", () => {
    expect(tooManyAttemptsMessage(30)).toBe("Слишком много попыток. Попробуйте снова через 1 минуту.");
    expect(tooManyAttemptsMessage(150)).toBe("Слишком много попыток. Попробуйте снова через 3 минуты.");
    expect(tooManyAttemptsMessage(900)).toBe("Слишком много попыток. Попробуйте снова через 15 минут.");
    expect(tooManyAttemptsMessage(21 * 60)).toBe("Слишком много попыток. Попробуйте снова через 21 минуту.");
  });
});

describe("fixed windows", () => {
  it("aligns windows to the epoch", () => {
    expect(windowStartFor(new Date("2026-08-25T10:07:31.250Z"), 600)).toEqual(new Date("2026-08-25T10:00:00Z"));
    expect(windowStartFor(new Date("2026-08-25T10:10:00Z"), 600)).toEqual(new Date("2026-08-25T10:10:00Z"));
    expect(windowStartFor(new Date("2026-08-25T10:07:31Z"), 86_400)).toEqual(new Date("2026-08-25T00:00:00Z"));
  });

  it("counts the seconds left in the window, rounded up, at least one", () => {
    expect(secondsUntilWindowEnds(new Date("2026-08-25T10:07:30Z"), 600)).toBe(150);
    expect(secondsUntilWindowEnds(new Date("2026-08-25T10:09:59.500Z"), 600)).toBe(1);
    expect(secondsUntilWindowEnds(new Date("2026-08-25T10:00:00Z"), 600)).toBe(600);
  });

  it("rejects nonsense limits", () => {
    expect(() => assertValidLimit(5, 60)).not.toThrow();
    expect(() => assertValidLimit(0, 60)).toThrow();
    expect(() => assertValidLimit(1.5, 60)).toThrow();
    expect(() => assertValidLimit(5, 0)).toThrow();
    expect(() => assertValidLimit(5, 86_401)).toThrow();
  });
});
