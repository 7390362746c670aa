/**
 * What reaches people when input is hostile or the inside fails, through the real HTTP
 * handler of tRPC (the error formatter runs there, not in createCaller).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { prismaOverPostgres, type Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition } from "~/server/test/factories";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  await createEdition(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

async function call(db: Db, path: string, input: unknown, requestId = "req-test-0001") {
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: appRouter,
    createContext: () => createContextInner({ db, requestId }),
  });
  return { status: res.status, body: await res.text() };
}

describe("the API's edge", () => {
  it("refuses a NUL byte or a lone surrogate with a clear 400, not a database error", async () => {
    for (const q of ["a\u0000b", "a\ud800b", "\udc00"]) {
      const r = await call(testDb.db, "programme.list", { q, day: "2025-08-25" });
      expect(r.status).toBe(400);
      expect(r.body).toContain("недопустимый символ");
      expect(r.body).not.toMatch(/prisma|invalid byte sequence|0x00/i);
    }
    const nested = await call(testDb.db, "booking.status", { sessionIds: ["ok", "b\u0000"] });
    expect(nested.status).toBe(400);
  });

  it("answers an internal failure with a plain message and the request id, never the database's text", async () => {
    // A database that cannot be reached: its error names the host and port.
    const broken = prismaOverPostgres("postgresql://postgres@127.0.0.1:1/nowhere");
    try {
      const r = await call(broken, "programme.edition", undefined, "req-broken-4242");
      expect(r.status).toBe(500);
      expect(r.body).toContain("req-broken-4242");
      expect(r.body).toContain("На сервере что-то пошло не так");
      expect(r.body).not.toMatch(/127\.0\.0\.1|nowhere|ECONNREFUSED|prisma|stack/i);
    } finally {
      await broken.$disconnect();
    }
  });
});
