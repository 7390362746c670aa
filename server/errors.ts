/** Errors a service raises for people: a code the API maps and a message to show as is. */
export type AppErrorCode =
  "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "UNAUTHORIZED" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
}

export const notFound = (message: string): AppError => new AppError("NOT_FOUND", message);
