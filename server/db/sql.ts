/**
 * The seat changes' SQL runner. A booking is a handful of statements; on this machine every
 * round trip to PostgreSQL costs a system call on each side and, through Prisma's interactive
 * transaction, a good deal of client work (the booking-rush profile: 13% Prisma, 10% the pg
 * driver's socket writes). So the seat changes (server/booking/seats.ts) speak plain SQL through
 * this runner, which has two drivers:
 *
 * - **PostgreSQL**: a connection of the app's own pool (the one Prisma uses), the statements of a
 *   step sent together in one simple-protocol message (BEGIN with the first step, COMMIT with the
 *   last one when the caller knows it is the last). Values are sent as literals escaped by pg's
 *   `escapeLiteral`; each statement of a message still takes its own snapshot (READ COMMITTED),
 *   so a statement after a row lock sees what the lock's previous holder committed.
 * - **Prisma** (the embedded database, and callers already inside a Prisma transaction such as
 *   the organiser's capacity change): each statement through `$queryRawUnsafe` with parameters.
 *
 * Both give rows of the same shape: timestamps as Date (UTC), json as parsed values, int as number.
 */
import pg from "pg";
import type { Db } from "~/server/db/client";
import { inTransaction, isRetryable, type Tx } from "~/server/db/transaction";

export type SqlValue = string | number | boolean | null | Date | readonly string[];

/** One statement with its values, written as a tagged template: sql`SELECT … WHERE id = ${id}`. */
export type Statement = { readonly strings: readonly string[]; readonly values: readonly SqlValue[] };

export const sql = (strings: TemplateStringsArray, ...values: SqlValue[]): Statement => ({ strings, values });

export type Row = Record<string, unknown>;

export interface Sql {
  /**
   * Runs the statements in order and returns the rows of each. With `commit`, the transaction
   * ends with them (in the same message where the driver allows): nothing may follow.
   */
  batch(statements: readonly Statement[], options?: { commit?: boolean }): Promise<Row[][]>;
}

/** The rows of one statement. */
export async function rows<T>(db: Sql, statement: Statement): Promise<T[]> {
  const [result] = await db.batch([statement]);
  return (result ?? []) as T[];
}

/** A literal for the simple protocol. Arrays are text arrays (write `${ids}::text[]`). */
export function literal(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("A non-finite number cannot be an SQL literal");
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("An invalid date cannot be an SQL literal");
    // The columns are timestamp(3) without time zone holding UTC, as Prisma writes them.
    return `${pg.escapeLiteral(value.toISOString().slice(0, 23).replace("T", " "))}::timestamp`;
  }
  return value.length === 0 ? "'{}'" : `ARRAY[${value.map((v) => pg.escapeLiteral(v)).join(", ")}]`;
}

/** The statement as text with its values inlined (the simple protocol carries no parameters). */
export function inline(statement: Statement): string {
  return statement.strings.reduce((text, part, i) => text + literal(statement.values[i - 1]!) + part);
}

/** The statement as text with $1…$n placeholders, for a driver that takes parameters. */
export function parameterised(statement: Statement): string {
  return statement.strings.reduce((text, part, i) => `${text}$${i}${part}`);
}

/** Statements of one message are separated by this (bench/lib/statements.ts counts them by it). */
export const STATEMENT_SEPARATOR = ";\n";

// `timestamp without time zone` holds UTC here; pg would read it as local time.
const UTC_TIMESTAMP = 1114;
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === UTC_TIMESTAMP
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format ?? "text"),
};

class PostgresSql implements Sql {
  private begun = false;
  committed = false;
  constructor(private readonly client: pg.PoolClient) {}

  async batch(statements: readonly Statement[], options: { commit?: boolean } = {}): Promise<Row[][]> {
    if (this.committed) throw new Error("The transaction has ended");
    const texts = statements.map(inline);
    const opening = !this.begun;
    if (opening) texts.unshift("BEGIN");
    if (options.commit) texts.push("COMMIT");
    const result = await this.client.query({ text: texts.join(STATEMENT_SEPARATOR), types } as pg.QueryConfig);
    this.begun = true;
    if (options.commit) this.committed = true;
    const results = (Array.isArray(result) ? result : [result]) as pg.QueryResult[];
    return results.slice(opening ? 1 : 0, (opening ? 1 : 0) + statements.length).map((r) => r.rows as Row[]);
  }

  async finish(): Promise<void> {
    if (!this.committed) await this.client.query("COMMIT");
    this.committed = true;
  }
}

class PrismaSql implements Sql {
  constructor(private readonly tx: Tx | Db) {}
  async batch(statements: readonly Statement[]): Promise<Row[][]> {
    const out: Row[][] = [];
    for (const s of statements) out.push(await this.tx.$queryRawUnsafe<Row[]>(parameterised(s), ...s.values));
    return out;
  }
}

/** A Prisma transaction (or client) as an Sql runner. */
export const prismaSql = (tx: Tx | Db): Sql => new PrismaSql(tx);

export const isSql = (value: Tx | Sql): value is Sql => typeof (value as Sql).batch === "function";

/**
 * The pg pools behind Prisma clients over PostgreSQL (server/db/client.ts registers them). On
 * globalThis: the route handlers and the Server Components bundle separate copies of this module,
 * and the client may have been opened by either.
 */
const pools: WeakMap<Db, pg.Pool> = ((globalThis as { __spoSqlPools?: WeakMap<Db, pg.Pool> }).__spoSqlPools ??=
  new WeakMap());
export const registerPool = (db: Db, pool: pg.Pool): void => void pools.set(db, pool);

/**
 * The rows of one statement outside a transaction: on PostgreSQL one simple-protocol round trip
 * on the pool, else through Prisma. For the hottest reads (the signed-in person of a request).
 */
export async function readRows<T>(db: Db, statement: Statement): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return (await prismaSql(db).batch([statement]))[0] as T[];
  const result = await pool.query({ text: inline(statement), types } as pg.QueryConfig);
  return result.rows as T[];
}

/**
 * Runs `work` in one transaction. On PostgreSQL a connection of the pool runs it directly; on
 * the embedded database a Prisma transaction does. A deadlock victim runs again, as in
 * `inTransaction`.
 */
export async function inSqlTransaction<T>(db: Db, work: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = pools.get(db);
  if (!pool) return inTransaction(db, (tx) => work(prismaSql(tx)));
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    const runner = new PostgresSql(client);
    let broken: unknown = undefined;
    try {
      const result = await work(runner);
      await runner.finish();
      return result;
    } catch (error) {
      if (!runner.committed) {
        await client.query("ROLLBACK").catch((rollbackError: unknown) => (broken = rollbackError));
      }
      if (attempt >= 5 || !isRetryable(error)) throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: the pool drops it.
      client.release(broken instanceof Error ? broken : undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
  }
}
