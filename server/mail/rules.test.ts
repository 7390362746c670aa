import { describe, expect, it } from "vitest";
import {
  afterFailure,
  describeSendError,
  extractLinks,
  htmlForPreview,
  mailViewerEnabled,
  MAX_ATTEMPTS,
  retryDelayMs,
  senderDomain,
  splitLinks,
} from "~/server/mail/rules";

const MIN = 60_000;

describe("retry schedule", () => {
  it("backs off 1, 5, 15, 60 min, 3, 6, 12 h and then stays at 12 h", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual(
      [1, 5, 15, 60, 180, 360, 720, 720, 720].map((m) => m * MIN),
    );
  });

  it("treats nonsense attempt counts as the first attempt", () => {
    expect(retryDelayMs(0)).toBe(MIN);
    expect(retryDelayMs(-3)).toBe(MIN);
  });

  it("schedules the next attempt from the failure time", () => {
    const now = new Date("2026-08-25T10:00:00Z");
    expect(afterFailure({ attempts: 1, now })).toEqual({
      status: "PENDING",
      nextAttemptAt: new Date("2026-08-25T10:01:00Z"),
    });
    expect(afterFailure({ attempts: 3, now })).toEqual({
      status: "PENDING",
      nextAttemptAt: new Date("2026-08-25T10:15:00Z"),
    });
  });

  it("gives up after the last attempt", () => {
    const now = new Date("2026-08-25T10:00:00Z");
    expect(MAX_ATTEMPTS).toBe(8);
    expect(afterFailure({ attempts: MAX_ATTEMPTS - 1, now }).status).toBe("PENDING");
    expect(afterFailure({ attempts: MAX_ATTEMPTS, now }).status).toBe("FAILED");
    expect(afterFailure({ attempts: 2, now, maxAttempts: 2 }).status).toBe("FAILED");
  });

  it("spans most of a day before giving up", () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + retryDelayMs(n), 0);
    expect(total / (60 * MIN)).toBeCloseTo(22.35, 1);
  });
});

describe("describeSendError", () => {
  it("keeps the code, SMTP reply code and message on one line", () => {
    const error = Object.assign(new Error("Can't send mail -\n recipient rejected"), {
      code: "EENVELOPE",
      responseCode: 550,
      response: "550 5.1.1 No such user",
    });
    expect(describeSendError(error)).toBe(
      "EENVELOPE 550 Can't send mail - recipient rejected (550 5.1.1 No such user)",
    );
  });

  it("does not repeat a response already in the message", () => {
    const error = Object.assign(new Error("Message failed: 451 try later"), { response: "451 try later" });
    expect(describeSendError(error)).toBe("Message failed: 451 try later");
  });

  it("handles non-errors and truncates long text", () => {
    expect(describeSendError("boom")).toBe("boom");
    expect(describeSendError(new Error(""))).toBe("Unknown error");
    const long = describeSendError(new Error("x".repeat(5000)));
    expect(long).toHaveLength(1000);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("senderDomain", () => {
  it("takes the domain of a named or bare address", () => {
    expect(senderDomain("Форум СПО <noreply@Forum-SPO.local>")).toBe("forum-spo.local");
    expect(senderDomain("bot@example.org")).toBe("example.org");
    expect(senderDomain("nobody")).toBe("localhost");
  });
});

describe("mailViewerEnabled", () => {
  it("is on outside production and in production only by flag", () => {
    expect(mailViewerEnabled({ nodeEnv: "development", flag: false })).toBe(true);
    expect(mailViewerEnabled({ nodeEnv: "test", flag: false })).toBe(true);
    expect(mailViewerEnabled({ nodeEnv: "production", flag: false })).toBe(false);
    expect(mailViewerEnabled({ nodeEnv: "production", flag: true })).toBe(true);
  });
});

describe("links in text", () => {
  const text =
    "Подтвердите адрес: http://localhost:3000/confirm?token=abc&x=1.\n" +
    "Сайт (https://forum-spo.ru/programme), ещё раз http://localhost:3000/confirm?token=abc&x=1";

  it("splits text around links and drops trailing punctuation", () => {
    expect(splitLinks(text)).toEqual([
      { kind: "text", value: "Подтвердите адрес: " },
      { kind: "link", value: "http://localhost:3000/confirm?token=abc&x=1" },
      { kind: "text", value: ".\nСайт (" },
      { kind: "link", value: "https://forum-spo.ru/programme" },
      { kind: "text", value: "), ещё раз " },
      { kind: "link", value: "http://localhost:3000/confirm?token=abc&x=1" },
    ]);
  });

  it("lists each link once and ignores other schemes", () => {
    expect(extractLinks(text)).toEqual([
      "http://localhost:3000/confirm?token=abc&x=1",
      "https://forum-spo.ru/programme",
    ]);
    expect(extractLinks("javascript:alert(1) mailto:a@b.c ftp://x")).toEqual([]);
    expect(splitLinks("")).toEqual([]);
  });

  it("stops at quotes and guillemets", () => {
    expect(extractLinks('«https://a.ru/x» "https://b.ru/y"')).toEqual(["https://a.ru/x", "https://b.ru/y"]);
  });
});

describe("htmlForPreview", () => {
  it("makes links open in a new tab", () => {
    expect(htmlForPreview('<html><head><meta charset="utf-8"></head><body></body></html>')).toBe(
      '<html><head><base target="_blank"><meta charset="utf-8"></head><body></body></html>',
    );
    expect(htmlForPreview("<p>Hi</p>")).toBe('<base target="_blank"><p>Hi</p>');
  });
});
