import { describe, expect, it } from "vitest";
import { confirmRegistrationMail, resetPasswordMail } from "~/server/account/mail";
import { bookingConfirmedMail } from "~/server/booking/mail";
import { withLocale } from "~/server/i18n/translate";
import { greeting } from "~/server/mail/layout";
import { sessionCancelledMail } from "~/server/organiser/messages";

const anna = { firstName: "Анна", patronymic: "Игоревна" };
const session = {
  id: "s1",
  title: "Круглый стол",
  startsAt: new Date("2025-08-25T09:30:00Z"),
  endsAt: new Date("2025-08-25T11:00:00Z"),
  room: { name: "Зал «Ока»", floor: "2" },
};

describe("mail in the recipient's language", () => {
  it("greets the same way in every mail: name and patronymic in Russian, the first name in English", () => {
    expect(greeting(anna)).toBe("Здравствуйте, Анна Игоревна!");
    expect(withLocale("en", () => greeting(anna))).toBe("Dear Анна,");
    expect(greeting({ firstName: null })).toBe("Здравствуйте!");
    const booking = bookingConfirmedMail({
      session,
      person: anna,
      timeZone: "Europe/Moscow",
      appUrl: "http://x",
      replaced: [],
    });
    const registration = confirmRegistrationMail({ appUrl: "http://x", token: "t", person: anna });
    expect(booking.text.split("\n")[0]).toBe(registration.text.split("\n")[0]);
  });

  it("writes subject, dates, the zone and the layout in English when the recipient chose English", () => {
    const mail = withLocale("en", () =>
      bookingConfirmedMail({ session, person: anna, timeZone: "Europe/Moscow", appUrl: "http://x", replaced: [] }),
    );
    expect(mail.subject).toBe("You are booked: Круглый стол");
    expect(mail.text).toContain("When: Monday 25 August, 12:30–14:00 MSK");
    expect(mail.text).toContain("Forum of Secondary Vocational Education");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).not.toMatch(/Когда|Здравствуйте|Форум/);
  });

  it("uses an account's stored language over the request's", () => {
    expect(resetPasswordMail({ appUrl: "http://x", token: "t", locale: "en" }).subject).toBe(
      "Password reset on the SVE Forum website",
    );
    expect(withLocale("en", () => resetPasswordMail({ appUrl: "http://x", token: "t", locale: "ru" })).subject).toBe(
      "Восстановление пароля на сайте Форума СПО",
    );
    expect(withLocale("en", () => resetPasswordMail({ appUrl: "http://x", token: "t", locale: null })).subject).toBe(
      "Password reset on the SVE Forum website",
    );
  });

  it("writes programme-change mail in English too", () => {
    const mail = withLocale("en", () =>
      sessionCancelledMail({
        sessionId: "s1",
        title: "Круглый стол",
        person: anna,
        timeZone: "Europe/Moscow",
        appUrl: "http://x",
        before: { startsAt: session.startsAt, endsAt: session.endsAt, roomName: null },
        relation: "booked",
        reason: null,
      }),
    );
    expect(mail.subject).toBe("Event cancelled: Круглый стол");
    expect(mail.text).toContain("25 August, 12:30–14:00 MSK, hall to be confirmed");
  });
});
