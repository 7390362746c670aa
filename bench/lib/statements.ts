/**
 * SQL statements per seat change, counted on the wire: the booking and cancellation services run
 * in-process against a fresh database on TEST_DATABASE_URL's server while every query of the pg
 * driver is counted (BEGIN and COMMIT included). PostgreSQL only; the embedded database runs the
 * same SQL.
 */
import pg from "pg";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { createTestDb } from "~/server/test/db";
import { createEdition, createParticipant, createSession } from "~/server/test/factories";

export type StatementCounts = { book: number; waitlist: number; cancelWithPromotion: number; cancel: number };

export async function countStatements(): Promise<StatementCounts> {
  const testDb = await createTestDb();
  const original = pg.Client.prototype.query;
  let count = 0;
  try {
    const { db } = testDb;
    const edition = await createEdition(db);
    const session = await createSession(db, { editionId: edition.id, capacity: 1 });
    const [a, b] = [await createParticipant(db, edition.id), await createParticipant(db, edition.id)];
    const api = (p: typeof a) =>
      createCaller(createContextInner({ db, user: { id: p.id, email: p.email, role: p.role } }));
    const counted = async (work: () => Promise<unknown>) => {
      count = 0;
      await work();
      return count;
    };
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count += 1;
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
