/**
 * SQL statements and round trips per seat change, counted on the wire: the booking and
 * cancellation services run in-process against a fresh database on TEST_DATABASE_URL's server
 * while every query of the pg driver is counted (BEGIN and COMMIT included; a simple-protocol
 * message of several statements, server/db/sql.ts, counts once as a round trip and once per
 * statement). PostgreSQL only; the embedded database runs the same SQL one statement at a time.
 */
import pg from "pg";
import { createCaller } from "~/server/api/root";
import { STATEMENT_SEPARATOR } from "~/server/db/sql";
import { createContextInner } from "~/server/api/trpc";
import { createTestDb } from "~/server/test/db";
import { createEdition, createParticipant, createSession } from "~/server/test/factories";

export type Counted = { statements: number; roundTrips: number };
export type StatementCounts = { book: Counted; waitlist: Counted; cancelWithPromotion: Counted; cancel: Counted };

function statementsIn(query: unknown): number {
  const text = typeof query === "string" ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text.split(STATEMENT_SEPARATOR).length : 1;
}

export async function countStatements(): Promise<StatementCounts> {
  const testDb = await createTestDb();
  const original = pg.Client.prototype.query;
  let count: Counted = { statements: 0, roundTrips: 0 };
  try {
    const { db } = testDb;
    const edition = await createEdition(db);
    const session = await createSession(db, { editionId: edition.id, capacity: 1 });
    const [a, b] = [await createParticipant(db, edition.id), await createParticipant(db, edition.id)];
    const api = (p: typeof a) =>
      createCaller(createContextInner({ db, user: { id: p.id, email: p.email, role: p.role } }));
    const counted = async (work: () => Promise<unknown>) => {
      count = { statements: 0, roundTrips: 0 };
      await work();
      return count;
    };
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count.roundTrips += 1;
      count.statements += statementsIn(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const book = await counted(() => api(a).booking.book({ sessionId: session.id }));
    const waitlist = await counted(() => api(b).booking.book({ sessionId: session.id, waitlistIfFull: true }));
    const cancelWithPromotion = await counted(() => api(a).booking.cancel({ sessionId: session.id }));
    const cancel = await counted(() => api(b).booking.cancel({ sessionId: session.id }));
    return { book, waitlist, cancelWithPromotion, cancel };
  } finally {
    pg.Client.prototype.query = original;
    await testDb.close();
  }
}
