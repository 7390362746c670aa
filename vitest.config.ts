import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
/** Tests that need a PostgreSQL server (TEST_DATABASE_URL) and have nothing to check without one. */
const postgresOnly = process.env.TEST_DATABASE_URL ? [] : ["scripts/copy-db.integration.test.ts"];

export default defineConfig({
  resolve: { alias: { "~": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          testTimeout: 60_000,
          include: ["**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**", "e2e/**", ".next/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next/**", ...postgresOnly],
          // Sized for a machine four times slower than a quiet 2-core one (CI shares its cores).
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
