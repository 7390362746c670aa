/** Input schemas shared by the API and the forms. Messages are shown next to the fields. */
import { z } from "zod";
import {
  PASSWORD_CONTAINS_EMAIL,
  containsEmail,
  isCommonPassword,
  PASSWORD_TOO_COMMON,
} from "~/server/account/password-policy";
import { normalisePhone } from "~/server/account/phone";
import { normaliseEmail, PARTICIPANT_CATEGORIES } from "~/server/account/rules";

const required = (label: string, max = 200) =>
  z
    .string({ error: `Укажите ${label}.` })
    .trim()
    .min(1, `Укажите ${label}.`)
    .max(max, `Слишком длинное значение: не больше ${max} символов.`);

const optional = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `Слишком длинное значение: не больше ${max} символов.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const personName = (label: string) =>
  required(label, 100).regex(/^[\p{L}][\p{L}\s'’-]*$/u, "Только буквы, пробел, дефис и апостроф.");

export const email = z
  .string({ error: "Укажите адрес электронной почты." })
  .trim()
  .min(1, "Укажите адрес электронной почты.")
  .max(254, "Слишком длинный адрес.")
  .pipe(z.email("Проверьте адрес: он должен выглядеть как name@example.ru."))
  .transform(normaliseEmail);

export const password = z
  .string({ error: "Придумайте пароль." })
  .min(10, "Пароль должен быть не короче 10 символов.")
  .max(200, "Пароль слишком длинный: не больше 200 символов.")
  .refine((v) => !isCommonPassword(v), PASSWORD_TOO_COMMON);

const phone = z
  .string({ error: "Укажите телефон." })
  .trim()
  .min(1, "Укажите телефон.")
  .transform((v, ctx) => {
    const e164 = normalisePhone(v);
    if (!e164) {
      ctx.addIssue({
        code: "custom",
        message: "Проверьте номер: например, +7 910 123-45-67; иностранный — с кодом страны через «+».",
      });
      return z.NEVER;
    }
    return e164;
  });

/** The profile part of a registration: what a participant can later edit. */
export const profileFields = z.object({
  surname: personName("фамилию"),
  firstName: personName("имя"),
  patronymic: optional(100).pipe(
    z
      .string()
      .regex(/^[\p{L}][\p{L}\s'’-]*$/u, "Только буквы, пробел, дефис и апостроф.")
      .optional(),
  ),
  phone,
  regionId: z.coerce
    .number({ error: "Выберите регион из списка." })
    .int("Выберите регион из списка.")
    .positive("Выберите регион из списка."),
  organisation: required("организацию"),
  position: required("должность"),
  category: z.enum(PARTICIPANT_CATEGORIES, { error: "Выберите категорию участника." }),
  cluster: optional(200),
});
export type ProfileFields = z.infer<typeof profileFields>;

export const registrationInput = profileFields
  .extend({
    email,
    password,
    consent: z.literal(true, { error: "Без согласия на обработку персональных данных регистрация невозможна." }),
  })
  .superRefine((v, ctx) => {
    if (containsEmail(v.password, v.email))
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_CONTAINS_EMAIL });
  });
export type RegistrationInput = z.infer<typeof registrationInput>;

export const tokenInput = z.object({ token: z.string().trim().min(1, "Ссылка неполная.").max(200) });
export const emailInput = z.object({ email });
export const signInInput = z.object({ email, password: z.string().min(1, "Введите пароль.").max(200) });
export const resetPasswordInput = z.object({ token: z.string().trim().min(1).max(200), password });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Введите текущий пароль.").max(200),
  newPassword: password,
});
export const deleteAccountInput = z.object({ confirmEmail: email });
