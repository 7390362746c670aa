/**
 * Measures (does not assert) how long registering a known vs a new email and requesting a
 * reset for a known vs an unknown email take. Run: TEST_DATABASE_URL=postgresql://… npx tsx bench/account-timing.ts
 */
import { registrationInput } from "~/server/account/schema";
import { register, requestPasswordReset } from "~/server/account/service";
import { createTestDb } from "~/server/test/db";
import { createEdition, registrationForm, uid } from "~/server/test/factories";

const testDb = await createTestDb();
const db = testDb.db;
await createEdition(db);
const regionId = (
  await db.region.create({ data: { code: "40", name: "Калужская область", federalDistrict: "CENTRAL", sortOrder: 1 } })
).id;
let ip = 0;
const nextIp = () => `10.${Math.floor(++ip / 250)}.${ip % 250}.1`;
const input = (email: string) => registrationInput.parse(registrationForm({ regionId, email }));
const known = `known.${uid()}@example.ru`;
await register({ db, input: input(known), ip: nextIp() });

async function median(label: string, run: () => Promise<unknown>, n = 15) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    // The per-email limit (5 an hour) is cleared, untimed, so that every call does its full work.
    await db.rateLimitHit.deleteMany({});
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${times[Math.floor(n / 2)]!.toFixed(1)} ms`);
}

await median("register: new email", async () =>
  register({ db, input: input(`new.${uid()}@example.ru`), ip: nextIp() }),
);
await median("register: known email", () => register({ db, input: input(known), ip: nextIp() }));
await median("reset request: known email", () => requestPasswordReset({ db, email: known, ip: nextIp() }));
await median("reset request: unknown email", async () =>
  requestPasswordReset({ db, email: `nobody.${uid()}@example.ru`, ip: nextIp() }),
);
await testDb.close();
