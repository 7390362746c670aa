import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ZodError } from "zod";
import { consumeSignInLink, verifyCredentials } from "~/server/account/service";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { hashToken, issueToken } from "~/server/auth/tokens";
import type { Db } from "~/server/db/client";
import { deliverDueMail } from "~/server/mail/delivery";
import { parseMail, startSmtpSink, type SmtpSink } from "~/server/mail/testing/smtp-sink";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, registrationForm, uid } from "~/server/test/factories";

let testDb: TestDb;
let db: Db;
let editionId: string;
let regionId: number;
let ipCounter = 0;

/** A caller as a guest from a fresh IP, so that per-IP rate limits don't leak between tests. */
const guest = () =>
  createCaller(createContextInner({ db, ip: `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` }));
const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: `10.1.0.${++ipCounter % 250}` }));

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  regionId = (
    await db.region.create({
      data: { code: "40", name: "Калужская область", federalDistrict: "CENTRAL", sortOrder: 1 },
    })
  ).id;
});

afterAll(async () => {
  await testDb?.close();
});

beforeEach(async () => {
  await db.edition.update({
    where: { id: editionId },
    data: { registrationOpensAt: null, registrationClosesAt: null, registrationCap: null },
  });
});

const form = (over: Record<string, unknown> = {}) => registrationForm({ regionId, ...over });
const latestMailTo = (to: string) => db.outboxMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
const tokenFrom = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? /reset\/([\w-]+)/.exec(text)?.[1] ?? "";

async function userOf(email: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, role: true } });
  return u;
}

describe("registration", () => {
  it("registers a pending participant, counts them and mails a confirmation link", async () => {
    const before = (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount;
    const input = form({ email: `  Anna.${uid()}@Example.RU ` });
    const email = String(input.email).trim().toLowerCase();
    expect(await guest().account.register(input)).toEqual({ email });

    const registration = await db.registration.findFirstOrThrow({ where: { email } });
    expect(registration).toMatchObject({ status: "PENDING", phone: "+79101234567", consentVersion: "2025-08-01" });
    expect(registration.consentAt).toBeInstanceOf(Date);
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount).toBe(before + 1);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const mail = await latestMailTo(email);
    expect(mail).toMatchObject({ kind: "registration.confirm", status: "PENDING" });
    expect(mail!.text).toContain("/register/confirm?token=");
    // Only the hash of the token is stored.
    const token = tokenFrom(mail!.text);
    expect(await db.authToken.findUnique({ where: { tokenHash: hashToken(token) } })).not.toBeNull();
    expect(await db.authToken.findFirst({ where: { tokenHash: token } })).toBeNull();
  });

  it.each([
    ["surname", { surname: "" }],
    ["surname", { surname: "Иванов2" }],
    ["firstName", { firstName: "   " }],
    ["patronymic", { patronymic: "<script>" }],
    ["email", { email: "not-an-email" }],
    ["phone", { phone: "12345" }],
    ["regionId", { regionId: "" }],
    ["organisation", { organisation: "" }],
    ["position", { position: "x".repeat(201) }],
    ["category", { category: "ASTRONAUT" }],
    ["password", { password: "short" }],
    ["consent", { consent: false }],
  ])("refuses a bad %s with a message for that field", async (field, over) => {
    const error = await guest()
      .account.register(form(over) as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    const issues = ((error as TRPCError).cause as ZodError).issues;
    expect(issues.map((i) => i.path[0])).toContain(field);
    expect(issues.find((i) => i.path[0] === field)?.message).toMatch(/[А-Яа-я]/);
  });

  it("refuses a region that does not exist without writing anything", async () => {
    const input = form({ regionId: 999_999 });
    await expect(guest().account.register(input)).rejects.toBeInstanceOf(TRPCError);
    expect(await db.user.findUnique({ where: { email: String(input.email) } })).toBeNull();
  });

  it("answers a duplicate email like a new one, and mails the owner a sign-in link instead", async () => {
    const input = form();
    await guest().account.register(input);
    const again = await guest().account.register({ ...input, surname: "Другая" });
    expect(again).toEqual({ email: input.email });
    expect(await db.registration.count({ where: { email: String(input.email) } })).toBe(1);
    const mail = await latestMailTo(String(input.email));
    expect(mail?.kind).toBe("registration.duplicate");
    expect(mail?.text).toContain("/signin/link?token=");
  });

  it("keeps exactly one registration when 20 requests with one email arrive at once", async () => {
    const input = form();
    const before = (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => guest().account.register(input)));
    // The per-email sign-up limit (5 an hour) lets exactly five through to race in the database;
    // the rest are told to wait. Every one that got through answers like a success.
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(15);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    for (const r of results.filter((r) => r.status === "fulfilled")) expect(r.value).toEqual({ email: input.email });
    expect(await db.user.count({ where: { email: String(input.email) } })).toBe(1);
    expect(await db.registration.count({ where: { email: String(input.email) } })).toBe(1);
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount).toBe(before + 1);
  });

  it("is refused before the window opens, after it closes and over the cap", async () => {
    const hour = 3_600_000;
    await db.edition.update({ where: { id: editionId }, data: { registrationOpensAt: new Date(Date.now() + hour) } });
    await expect(guest().account.register(form())).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Регистрация ещё не открыта.",
    });
    await db.edition.update({
      where: { id: editionId },
      data: { registrationOpensAt: null, registrationClosesAt: new Date(Date.now() - hour) },
    });
    await expect(guest().account.register(form())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { registrationCount } = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    await db.edition.update({
      where: { id: editionId },
      data: { registrationClosesAt: null, registrationCap: registrationCount },
    });
    const input = form();
    await expect(guest().account.register(input)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.findUnique({ where: { email: String(input.email) } })).toBeNull();
    const formState = await guest().account.registrationForm();
    expect(formState.window).toEqual({ state: "full" });
  });

  it("confirms by a single-use link; a second click says «already confirmed»; expired and foreign links are refused", async () => {
    const input = form();
    await guest().account.register(input);
    const token = tokenFrom((await latestMailTo(String(input.email)))!.text);
    await expect(guest().account.confirm({ token })).resolves.toEqual({ email: input.email, already: false });
    const confirmed = await db.registration.findFirstOrThrow({ where: { email: String(input.email) } });
    expect(confirmed.status).toBe("CONFIRMED");
    // The same link again: nothing changes, and the person is told the address is confirmed.
    await expect(guest().account.confirm({ token })).resolves.toEqual({ email: input.email, already: true });
    const after = await db.registration.findFirstOrThrow({ where: { email: String(input.email) } });
    expect(after.confirmedAt).toEqual(confirmed.confirmedAt);
    await expect(guest().account.confirm({ token: "not-a-real-token" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const user = await userOf(String(input.email));
    const old = await issueToken(db, {
      userId: user.id,
      purpose: "CONFIRM_REGISTRATION",
      now: new Date(Date.now() - 49 * 3_600_000),
    });
    await expect(guest().account.confirm({ token: old })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A token of another purpose is no confirmation token.
    const signIn = await issueToken(db, { userId: user.id, purpose: "SIGN_IN" });
    await expect(guest().account.confirm({ token: signIn })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("signing in", () => {
  it("checks the password, and answers the same for an unknown email", async () => {
    const input = form();
    await guest().account.register(input);
    const email = String(input.email);
    await expect(
      verifyCredentials({ db, email, password: "correct horse battery", ip: "1.1.1.1" }),
    ).resolves.toMatchObject({ email, role: "PARTICIPANT" });
    await expect(verifyCredentials({ db, email, password: "wrong password!", ip: "1.1.1.1" })).resolves.toBeNull();
    await expect(
      verifyCredentials({ db, email: `nobody-${uid()}@example.ru`, password: "whatever12", ip: "1.1.1.1" }),
    ).resolves.toBeNull();
  });

  it("limits attempts per email and says when to try again", async () => {
    const email = `target-${uid()}@example.ru`;
    for (let i = 0; i < 10; i++) await verifyCredentials({ db, email, password: "guess-guess", ip: `2.2.2.${i}` });
    await expect(verifyCredentials({ db, email, password: "guess-guess", ip: "2.2.3.1" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Попробуйте снова через \d+ мин/),
    });
  });

  it("counts only wrong passwords against an address: signing in correctly again and again is never refused", async () => {
    const input = form();
    await guest().account.register(input);
    const email = String(input.email);
    for (let i = 0; i < 12; i++) {
      await expect(
        verifyCredentials({ db, email, password: "correct horse battery", ip: `3.3.3.${i}` }),
      ).resolves.toMatchObject({ email });
    }
    for (let i = 0; i < 10; i++) await verifyCredentials({ db, email, password: "guess-guess", ip: `3.3.4.${i}` });
    // Past ten wrong passwords even the right one waits: a guesser cannot tell which attempt was right.
    await expect(
      verifyCredentials({ db, email, password: "correct horse battery", ip: "3.3.5.1" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("mails a sign-in link only to known emails; the link works once", async () => {
    const input = form();
    await guest().account.register(input);
    const email = String(input.email);
    const unknown = `ghost-${uid()}@example.ru`;
    await guest().account.requestSignInLink({ email: unknown });
    expect(await latestMailTo(unknown)).toBeNull();
    await guest().account.requestSignInLink({ email });
    const mail = await latestMailTo(email);
    expect(mail?.kind).toBe("auth.signin-link");
    const token = tokenFrom(mail!.text);
    await expect(consumeSignInLink({ db, token })).resolves.toMatchObject({ email });
    await expect(consumeSignInLink({ db, token })).resolves.toBeNull();
  });

  it("resets the password by link, ends other sessions, and refuses the link twice", async () => {
    const input = form();
    await guest().account.register(input);
    const email = String(input.email);
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    await guest().account.requestPasswordReset({ email });
    const token = tokenFrom((await latestMailTo(email))!.text);
    await guest().account.resetPassword({ token, password: "a brand new password" });
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(
      verifyCredentials({ db, email, password: "a brand new password", ip: "3.3.3.3" }),
    ).resolves.not.toBeNull();
    await expect(guest().account.resetPassword({ token, password: "another new password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("the account", () => {
  async function registered() {
    const input = form();
    await guest().account.register(input);
    return userOf(String(input.email));
  }

  it("edits the profile with validation", async () => {
    const user = await registered();
    const profile = { ...form(), email: undefined, password: undefined, consent: undefined };
    await as(user).account.updateProfile({ ...profile, position: "Директор", phone: "+375 29 123-45-67" });
    const me = await as(user).account.me();
    expect(me.registration).toMatchObject({ position: "Директор", phone: "+375291234567" });
    await expect(as(user).account.updateProfile({ ...profile, phone: "нет" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("changes the email only after the new address is confirmed", async () => {
    const user = await registered();
    const newEmail = `new-${uid()}@example.ru`;
    await as(user).account.requestEmailChange({ email: newEmail });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const token = tokenFrom((await latestMailTo(newEmail))!.text);
    await guest().account.confirmEmailChange({ token });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect((await db.registration.findFirstOrThrow({ where: { userId: user.id } })).email).toBe(newEmail);
  });

  it("changes the password with the current one and bumps the session version", async () => {
    const user = await registered();
    await expect(
      as(user).account.changePassword({ currentPassword: "wrong one!!", newPassword: "something long enough" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Текущий пароль указан неверно." });
    const { sessionVersion } = await as(user).account.changePassword({
      currentPassword: "correct horse battery",
      newPassword: "something long enough",
    });
    expect(sessionVersion).toBe(1);
  });

  it("exports the person's own data", async () => {
    const user = await registered();
    const data = await as(user).account.exportData();
    expect(data.email).toBe(user.email);
    expect(data.registrations[0]).toMatchObject({ surname: "Иванова", consentVersion: "2025-08-01" });
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  it("cancels the registration and frees its count", async () => {
    const user = await registered();
    const count = async () => (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount;
    const before = await count();
    await as(user).account.cancelRegistration();
    expect(await count()).toBe(before - 1);
    expect((await db.registration.findFirstOrThrow({ where: { userId: user.id } })).status).toBe("CANCELLED");
    await expect(as(user).account.cancelRegistration()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes the account by anonymising personal data, keeping counts right", async () => {
    const user = await registered();
    const count = async () => (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount;
    const before = await count();
    await expect(as(user).account.deleteAccount({ confirmEmail: "someone@else.ru" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await as(user).account.deleteAccount({ confirmEmail: user.email });
    expect(await count()).toBe(before - 1);
    const registration = await db.registration.findFirstOrThrow({ where: { userId: user.id } });
    expect(registration).toMatchObject({ surname: "Удалено", phone: "", status: "CANCELLED" });
    expect(registration.anonymisedAt).toBeInstanceOf(Date);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toMatch(/@deleted\.invalid$/);
    expect(row.passwordHash).toBeNull();
    expect(await db.user.findUnique({ where: { email: user.email } })).toBeNull();
  });
});

describe("mail over real SMTP", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it("delivers the confirmation mail, whose link confirms the registration", async () => {
    // Earlier tests queued mail too: deliver everything, then find ours.
    const input = form();
    await guest().account.register(input);
    for (let i = 0; i < 20; i++) {
      const r = await deliverDueMail({ db, transport: sink.transport(), batchSize: 50, log: () => {} });
      if (r.claimed === 0) break;
    }
    const received = sink.received.filter((m) => m.envelopeTo.includes(String(input.email)));
    expect(received).toHaveLength(1);
    const parsed = parseMail(received[0]!.raw);
    const text = parsed.parts.find((p) => p.headers.get("content-type")?.startsWith("text/plain"))?.body ?? parsed.body;
    // The one greeting of every mail: first name and patronymic (server/mail/layout.ts).
    expect(text).toContain("Здравствуйте, Мария Сергеевна!");
    const token = tokenFrom(text);
    await expect(guest().account.confirm({ token })).resolves.toEqual({ email: input.email, already: false });
    const confirmMail = await db.outboxMessage.findFirst({
      where: { to: String(input.email), kind: "registration.confirm" },
    });
    expect(confirmMail?.status).toBe("SENT");
  });
});

describe("seats when a registration ends", () => {
  it("cancelling a registration gives the seat to the first on the waitlist", async () => {
    const { createSession } = await import("~/server/test/factories");
    const session = await createSession(db, { editionId, title: `Малый зал ${uid()}`, capacity: 1, day: "2025-08-28" });
    const register = async () => {
      const input = form();
      await guest().account.register(input);
      const token = tokenFrom((await latestMailTo(String(input.email)))!.text);
      await guest().account.confirm({ token });
      return userOf(String(input.email));
    };
    const holder = await register();
    const waiting = await register();
    await as(holder).booking.book({ sessionId: session.id });
    const queued = await as(waiting).booking.book({ sessionId: session.id, waitlistIfFull: true });
    expect(queued).toMatchObject({ outcome: "WAITLISTED" });

    await as(holder).account.cancelRegistration();
    const seats = await db.booking.findMany({ where: { sessionId: session.id }, select: { userId: true } });
    expect(seats).toEqual([{ userId: waiting.id }]);
    expect((await db.programmeSession.findUniqueOrThrow({ where: { id: session.id } })).bookedCount).toBe(1);
    expect(await db.waitlistEntry.count({ where: { sessionId: session.id } })).toBe(0);
    expect((await latestMailTo(waiting.email))?.kind).toBe("booking.promoted");
  });
});
