import type { Instrumentation } from "next";

/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next at build time (the documented pattern), not configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerServices } = await import("~/server/shutdown");
    startServerServices();
  }
}

/**
 * Every error of a page, action or route handler reaches the log with the id the person sees:
 * the error page shows React's digest, so the log line carries it too, with the request id.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const { log } = await import("~/server/ops/log.mjs");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  log.error(
    {
      err: error,
      errorId: (error as { digest?: string }).digest ?? null,
      reqId: String(headers["x-request-id"] ?? ""),
      method: request.method,
      route: request.path.split("?")[0],
      routeType: context.routeType,
    },
    "request failed",
  );
};
