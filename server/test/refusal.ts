import { expect } from "vitest";

/**
 * The error a refused call ends with, checked to be of the expected kind (a TRPCError, an
 * AppError, …); the test fails when the call succeeds instead.
 */
export async function refusal<E extends Error>(
  promise: Promise<unknown>,
  kind: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  return error as E;
}
