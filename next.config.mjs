import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 for signed-in people without the role.
  // A speaker's photo (up to 5 MB, server/organiser/schema.ts PHOTO_MAX_BYTES) goes through a Server
  // Action as multipart form data; the default 1 MB would refuse it before the action could explain.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "6mb" } },
  // Metadata (the <title> first of all) in the <head> of every answer, not streamed in after the
  // body: a screen reader announces the title on load, axe requires one, a page without JavaScript
  // has one, and a page rendered once for the shared cache is the same whoever asked first.
  htmlLimitedBots: /.*/,
  // Database drivers load WebAssembly and native modules at run time: keep them out of the bundle.
  // @touch4it/ical-timezones reads its VTIMEZONE files from beside its own code at run time.
  // The logger and the metrics registry are shared with scripts/serve.mjs through one module instance.
  // The service worker and its page script (scripts/build-sw.mjs) keep their names across builds:
  // the browser must ask again every time, or an old worker would outlive a deployment.
  async headers() {
    return ["/sw.js", "/offline.js"].map((source) => ({
      source,
      headers: [{ key: "Cache-Control", value: "no-cache" }],
    }));
  },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "pino-pretty",
    "prom-client",
    "@touch4it/ical-timezones",
    // pdfkit and its fontkit read font data from beside their own code at run time.
    "pdfkit",
  ],
};

export default withNextIntl(nextConfig);
