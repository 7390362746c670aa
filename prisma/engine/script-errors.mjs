// SQL scripts run by the engine (migrations, db execute, shadow database replays) and the
// errors they raise.
//  - The driver adapters' executeScript are replaced by one that runs the whole script as a
//    single simple-protocol query (like the native engine: atomic, no naive split on ";") and
//    awaits it (bug 4: pglite-prisma-adapter 0.7.2 does not await, so errors were lost).
//  - Bug 8: when a migration fails, the wasm engine reports "external connector error" instead
//    of the native P3018 error. We remember the database error of the failing script and build
//    the P3018 error the CLI knows how to present.

/**
 * @typedef {{ adapter: any, close: () => Promise<void> }} OpenedDatabase
 *   An open driver adapter (SqlDriverAdapter) and how to close what backs it.
 * @typedef {{ script: string, error: any }} ScriptFailure
 * @typedef {(failure: ScriptFailure) => void} ScriptErrorSink
 */

/**
 * Replaces `adapter.executeScript` with one that runs the script through `run`, reports
 * failures to `onScriptError`, and rethrows them converted by the adapter (DriverAdapterError).
 * @param {any} adapter
 * @param {{ run: (script: string) => Promise<void>, onScriptError?: ScriptErrorSink }} options
 */
export function instrumentScripts(adapter, { run, onScriptError }) {
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await run(script);
    } catch (error) {
      onScriptError?.({ script, error });
      adapter.onError(error); // throws the adapter's DriverAdapterError for database errors
      throw error;
    }
  };
}

/**
 * Builds the native P3018 error for a migration that failed to apply, or null when the failure
 * cannot be tied to a migration.
 * @param {{ migrationsList?: { migrationDirectories?: Array<{ path: string, migrationFile?: { content?: { tag: string, value: string } } }> } }} params
 *   the applyMigrations parameters.
 * @param {ScriptFailure | null} failure the last script failure seen during the call.
 * @param {string | null} [failedNameFromDb] name of the unfinished migration, read from _prisma_migrations.
 * @returns {{ code: "P3018", message: string, meta: Record<string, string> } | null}
 */
export function migrationFailureError(params, failure, failedNameFromDb = null) {
  if (!failure) return null;
  const directories = params?.migrationsList?.migrationDirectories ?? [];
  const match = directories.find(
    (dir) => dir.migrationFile?.content?.tag === "ok" && dir.migrationFile.content.value === failure.script,
  );
  const migrationName = match?.path ?? failedNameFromDb;
  if (!migrationName) return null;
  const databaseErrorCode = String(failure.error?.code ?? "");
  const databaseError = formatDatabaseError(failure.error);
  const message =
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
    "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
    `Migration name: ${migrationName}\n\n` +
    `Database error code: ${databaseErrorCode}\n\n` +
    `Database error:\n${databaseError}\n`;
  return {
    code: "P3018",
    message,
    meta: {
      migration_name: migrationName,
      database_error_code: databaseErrorCode,
      database_error: databaseError,
    },
  };
}

/**
 * Formats a PostgreSQL error like psql does: severity, message, then DETAIL / HINT / position.
 * @param {any} error
 */
export function formatDatabaseError(error) {
  if (!error) return "";
  const lines = [`${error.severity ?? "ERROR"}: ${error.message ?? String(error)}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.position) lines.push(`Position: ${error.position}`);
  return lines.join("\n");
}
