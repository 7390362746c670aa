/** Contents of a PGlite lock file (`<dataDir>.lock`). */
export type LockInfo = { pid: number; owner: string; since: string };

export type AcquireOptions = {
  /** How long to wait for a live holder to release the lock, in ms (default 10 000). */
  waitMs?: number;
  /** Who holds the lock, shown to whoever is refused (default: the script name). */
  owner?: string;
  /** Poll interval while waiting, in ms (default 100). */
  pollMs?: number;
};

export declare const DEFAULT_WAIT_MS: number;

/** Path of the lock file for a data directory: `<dir>.lock`, beside the directory. */
export declare function lockPathFor(dir: string): string;

/**
 * Takes the lock of a PGlite data directory. A lock left by a dead process is taken over; a
 * lock held by a live process is waited for up to `waitMs`, then an Error names its pid and owner.
 * Resolves to a synchronous release function; the lock is also released on process exit.
 */
export declare function acquirePgliteLock(dir: string, options?: AcquireOptions): Promise<() => void>;

/** The current holder of a directory's lock, or null when it is free. */
export declare function readPgliteLock(dir: string): LockInfo | null;

/** Whether a lock record is stale (its process is gone or its pid was reused). */
export declare function isStale(
  info: LockInfo,
  lockPath: string,
  probes?: { isAlive?: (pid: number) => boolean; startTimeMs?: (pid: number) => number | null },
): boolean;

export declare function processIsAlive(pid: number): boolean;
export declare function processStartTimeMs(pid: number): number | null;
