import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import booking from "~/server/i18n/messages/ru/booking.json";

const t = createTranslator({ locale: "ru", messages: booking });

describe("seat wording in Russian", () => {
  it.each([
    [1, "осталось 1 место"],
    [2, "осталось 2 места"],
    [4, "осталось 4 места"],
    [5, "осталось 5 мест"],
    [11, "осталось 11 мест"],
    [14, "осталось 14 мест"],
    [21, "осталось 21 место"],
    [22, "осталось 22 места"],
    [25, "осталось 25 мест"],
    [111, "осталось 111 мест"],
  ])("%i seats: %s", (count, text) => {
    expect(t("booking.seatsLeft", { count })).toBe(text);
  });

  it("full sessions mention the queue only when there is one", () => {
    expect(t("booking.full", { waiting: 0 })).toBe("мест нет");
    expect(t("booking.full", { waiting: 5 })).toBe("мест нет — лист ожидания: 5");
  });

  it("the schedule summary agrees in number", () => {
    expect(t("my.summaryBooked", { count: 1 })).toBe("1 запись");
    expect(t("my.summaryBooked", { count: 3 })).toBe("3 записи");
    expect(t("my.summaryBooked", { count: 5 })).toBe("5 записей");
    expect(t("my.summaryWaitlisted", { count: 2 })).toBe("2 листа ожидания");
    expect(t("my.summaryWaitlisted", { count: 11 })).toBe("11 листов ожидания");
    expect(t("my.summaryWaitlisted", { count: 21 })).toBe("21 лист ожидания");
    expect(t("my.clashCount", { count: 3 })).toBe("3 пересечения по времени");
  });
});
