/**
 * Kept for the files that still import the transaction type from here. The lock helpers and
 * the one lock order live in server/db/locks.ts, the transaction wrapper in server/db/transaction.ts.
 */
export type { Tx } from "~/server/db/transaction";
