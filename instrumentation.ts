/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next at build time (the documented pattern), not configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerServices } = await import("~/server/shutdown");
    startServerServices();
  }
}
