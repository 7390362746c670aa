import { TRPCClientError } from "@trpc/client";

/**
 * The message to show next to a control: the server's Russian message when it answered
 * (AppError texts are written for people), else null (network trouble: the caller shows
 * its generic text).
 */
export function serverMessage(error: unknown): string | null {
  if (error instanceof TRPCClientError && error.data && typeof error.message === "string") return error.message;
  return null;
}
