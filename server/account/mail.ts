/** The messages the account flows send, in Russian. Pure: content only. */
import { layoutMail, type RenderedMail } from "~/server/mail/layout";

type Link = { appUrl: string; token: string };

export function confirmRegistrationMail(p: Link & { firstName: string }): RenderedMail {
  return layoutMail(
    {
      subject: "Подтвердите регистрацию на Форуме СПО",
      greeting: `Здравствуйте, ${p.firstName}!`,
      paragraphs: [
        "Вы зарегистрировались на Форум среднего профессионального образования. Чтобы завершить регистрацию, подтвердите адрес электронной почты.",
        "После подтверждения вы сможете войти в личный кабинет и записываться на мероприятия программы.",
      ],
      action: { label: "Подтвердить адрес", url: `${p.appUrl}/register/confirm?token=${p.token}` },
      footnote: "Ссылка действует 48 часов. Если вы не регистрировались, просто не отвечайте на это письмо.",
    },
    p.appUrl,
  );
}

export function alreadyRegisteredMail(p: Link): RenderedMail {
  return layoutMail(
    {
      subject: "Вы уже зарегистрированы на Форуме СПО",
      greeting: "Здравствуйте!",
      paragraphs: [
        "Кто-то (возможно, вы) попытался ещё раз зарегистрироваться на форум с этим адресом электронной почты. Учётная запись с этим адресом уже есть, поэтому новая регистрация не создана.",
        "Войти в личный кабинет можно по ссылке ниже, без пароля.",
      ],
      action: { label: "Войти в личный кабинет", url: `${p.appUrl}/signin/link?token=${p.token}` },
      footnote: "Ссылка действует 15 минут и срабатывает один раз. Если это были не вы, ничего делать не нужно.",
    },
    p.appUrl,
  );
}

export function signInLinkMail(p: Link): RenderedMail {
  return layoutMail(
    {
      subject: "Вход на сайт Форума СПО",
      greeting: "Здравствуйте!",
      paragraphs: ["Вы запросили вход по ссылке. Нажмите кнопку, чтобы войти в личный кабинет."],
      action: { label: "Войти", url: `${p.appUrl}/signin/link?token=${p.token}` },
      footnote: "Ссылка действует 15 минут и срабатывает один раз. Если вы не запрашивали вход, просто удалите письмо.",
    },
    p.appUrl,
  );
}

export function resetPasswordMail(p: Link): RenderedMail {
  return layoutMail(
    {
      subject: "Восстановление пароля на сайте Форума СПО",
      greeting: "Здравствуйте!",
      paragraphs: ["Вы запросили смену пароля. Нажмите кнопку и задайте новый пароль."],
      action: { label: "Задать новый пароль", url: `${p.appUrl}/reset/${p.token}` },
      footnote:
        "Ссылка действует 1 час и срабатывает один раз. После смены пароля все другие входы в учётную запись завершатся.",
    },
    p.appUrl,
  );
}

export function changeEmailMail(p: Link & { newEmail: string }): RenderedMail {
  return layoutMail(
    {
      subject: "Подтвердите новый адрес электронной почты",
      greeting: "Здравствуйте!",
      paragraphs: [
        `В личном кабинете Форума СПО указан новый адрес: ${p.newEmail}. Подтвердите его, чтобы он стал адресом для входа и писем.`,
      ],
      action: { label: "Подтвердить новый адрес", url: `${p.appUrl}/account/email/confirm?token=${p.token}` },
      footnote: "Ссылка действует 24 часа. Если вы не меняли адрес, просто удалите письмо.",
    },
    p.appUrl,
  );
}

export function passwordChangedMail(p: { appUrl: string }): RenderedMail {
  return layoutMail(
    {
      subject: "Пароль изменён",
      greeting: "Здравствуйте!",
      paragraphs: [
        "Пароль от вашей учётной записи на сайте Форума СПО только что изменён. Все другие входы завершены.",
        "Если это были не вы, восстановите пароль по ссылке ниже.",
      ],
      action: { label: "Восстановить пароль", url: `${p.appUrl}/reset` },
    },
    p.appUrl,
  );
}
