import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id password hashing (the library's default algorithm), with parameters close to
 * OWASP's recommendation for argon2id: 19 MiB, 2 passes, 1 lane.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** A real hash of a random password, so that "no such user" costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword(`dummy-${Math.random()}`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
