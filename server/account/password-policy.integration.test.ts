import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD_CONTAINS_EMAIL, PASSWORD_TOO_COMMON } from "~/server/account/password-policy";
import { registrationInput } from "~/server/account/schema";
import { register, requestPasswordReset } from "~/server/account/service";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { hashPassword } from "~/server/auth/password";
import type { Db } from "~/server/db/client";
import ru from "~/server/i18n/messages/ru/server.json";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, registrationForm, uid } from "~/server/test/factories";

/** The password field's issue, its key translated into the caller's (default, Russian) text. */
const passwordIssue = (key: keyof typeof ru.validation) =>
  expect.objectContaining({ path: ["password"], message: ru.validation[key] });

let testDb: TestDb;
let db: Db;
let regionId: number;
let ip = 0;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  await createEdition(db);
  regionId = (
    await db.region.create({
      data: { code: "40", name: "Калужская область", federalDistrict: "CENTRAL", sortOrder: 1 },
    })
  ).id;
});

afterAll(async () => {
  await testDb?.close();
});

const input = (email: string) => registrationInput.parse(registrationForm({ regionId, email }));

describe("password policy", () => {
  it("refuses common passwords and passwords containing the email, on registration", async () => {
    const guest = createCaller(createContextInner({ db, ip: "10.9.0.1" }));
    const email = `kedrova.${uid()}@example.ru`;
    await expect(
      guest.account.register(registrationForm({ regionId, email, password: "password123" }) as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { issues: [passwordIssue(PASSWORD_TOO_COMMON)] } });
    const local = email.split("@")[0]!;
    await expect(
      guest.account.register(registrationForm({ regionId, email, password: `${local}-Kaluga!` }) as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { issues: [passwordIssue(PASSWORD_CONTAINS_EMAIL)] } });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("hashes the password for a known email as for a new one (same work, same time)", async () => {
    const email = `twice.${uid()}@example.ru`;
    let hashes = 0;
    const hash = (p: string) => {
      hashes++;
      return hashPassword(p);
    };
    await register({ db, input: input(email), ip: `10.9.1.${++ip}`, hash });
    expect(hashes).toBe(1);
    await register({ db, input: input(email), ip: `10.9.1.${++ip}`, hash });
    expect(hashes).toBe(2);
  });

  it("an unknown email's reset request opens a transaction like a known one's", async () => {
    const email = `reset.${uid()}@example.ru`;
    await register({ db, input: input(email), ip: `10.9.2.${++ip}` });
    let transactions = 0;
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$transaction") transactions++;
        return Reflect.get(target, prop, receiver);
      },
    });
    await requestPasswordReset({ db: counting, email, ip: `10.9.2.${++ip}` });
    const known = transactions;
    const nobody = `nobody.${uid()}@example.ru`;
    await requestPasswordReset({ db: counting, email: nobody, ip: `10.9.2.${++ip}` });
    expect(known).toBe(1);
    expect(transactions - known).toBe(known);
    // The stand-in work is rolled back: nothing is mailed to an address without an account.
    expect(await db.outboxMessage.count({ where: { to: nobody } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: email, kind: "auth.reset" } })).toBe(1);
  });
});
