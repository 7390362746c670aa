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

/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
const required = (missing: string, max = 200) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, "tooLong");

const optional = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

const personName = (missing: string) => required(missing, 100).regex(/^[\p{L}][\p{L}\s'’-]*$/u, "lettersOnly");

export const email = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailTooLong")
  .pipe(z.email("emailInvalid"))
  .transform(normaliseEmail);

export const password = z
  .string({ error: "passwordRequired" })
  .min(10, "passwordTooShort")
  .max(200, "passwordTooLong")
  .refine((v) => !isCommonPassword(v), PASSWORD_TOO_COMMON);

const phone = z
  .string({ error: "phoneRequired" })
  .trim()
  .min(1, "phoneRequired")
  .transform((v, ctx) => {
    const e164 = normalisePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "phoneInvalid" });
      return z.NEVER;
    }
    return e164;
  });

/** The profile part of a registration: what a participant can later edit. */
export const profileFields = z.object({
  surname: personName("surnameRequired"),
  firstName: personName("firstNameRequired"),
  patronymic: optional(100).pipe(
    z
      .string()
      .regex(/^[\p{L}][\p{L}\s'’-]*$/u, "lettersOnly")
      .optional(),
  ),
  phone,
  regionId: z.coerce.number({ error: "regionRequired" }).int("regionRequired").positive("regionRequired"),
  organisation: required("organisationRequired"),
  position: required("positionRequired"),
  category: z.enum(PARTICIPANT_CATEGORIES, { error: "categoryRequired" }),
  cluster: optional(200),
});
export type ProfileFields = z.infer<typeof profileFields>;

/** Answers to the organisers' questions as the form sent them (checked by server/questions). */
export const rawAnswers = z
  .record(z.string().max(60), z.union([z.string().max(5000), z.array(z.string().max(200)).max(50)]))
  .default({});
export const rawAnswersInput = z.object({ answers: rawAnswers });

export const registrationInput = profileFields
  .extend({
    email,
    password,
    consent: z.literal(true, { error: "consentRequired" }),
    answers: rawAnswers,
  })
  .superRefine((v, ctx) => {
    if (containsEmail(v.password, v.email))
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_CONTAINS_EMAIL });
  });
export type RegistrationInput = z.infer<typeof registrationInput>;

export const tokenInput = z.object({ token: z.string().trim().min(1, "linkIncomplete").max(200) });
export const emailInput = z.object({ email });
export const signInInput = z.object({ email, password: z.string().min(1, "enterPassword").max(200) });
export const resetPasswordInput = z.object({ token: z.string().trim().min(1).max(200), password });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "enterCurrentPassword").max(200),
  newPassword: password,
});
export const deleteAccountInput = z.object({ confirmEmail: email });

/** Registering again after a cancellation: the person is signed in and keeps their profile. */
export const registerAgainInput = profileFields.pick({ regionId: true, category: true }).extend({
  consent: z.literal(true, { error: "consentRequired" }),
  answers: rawAnswers,
});
export type RegisterAgainInput = z.infer<typeof registerAgainInput>;
