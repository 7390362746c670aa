/** A database URL, classified. `dataDir` is absolute, or null for an in-memory PGlite. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string; schema: string }
  | { kind: "pglite"; url: string; dataDir: string | null; schema: string };

export declare const PGLITE_PROTOCOL: "file:";
/** URL of a throwaway in-memory PGlite database. */
export declare const PGLITE_MEMORY_URL: "file::memory:";
/** The project's default PGlite data directory, relative to the repository root. */
export declare const DEFAULT_PGLITE_DIR: ".data/pglite";

/**
 * Classifies `postgresql://…` (PostgreSQL server) and `file:<dir>` (PGlite) URLs; relative
 * PGlite paths resolve against `cwd` (default process.cwd()).
 */
export declare function parseDatabaseUrl(url: string, options?: { cwd?: string }): DatabaseTarget;
export declare function isPgliteUrl(url: string): boolean;
/** `file:<dataDir>`. */
export declare function pgliteUrl(dataDir: string): string;
/** `file:<root>/.data/pglite`: the project's default database. */
export declare function defaultPgliteUrl(root: string): string;
export declare function postgresSchema(url: string): string;
export declare function redactUrl(url: string): string;
export declare function withDatabase(url: string, database: string): string;
export declare function databaseName(url: string): string;
