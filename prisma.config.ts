// Prisma CLI configuration (Prisma 7).
//
// The CLI would download a native schema-engine binary on every command, which an install
// that reaches only an npm mirror cannot do. It loads this file before it looks for engines,
// so pointing PRISMA_SCHEMA_ENGINE_BINARY at our stand-in here is enough for every command
// (`npx prisma generate`, `npx prisma migrate …`) to run offline. See prisma/engine/README.md.
//
// Reading process.env here is an accepted exception to "only server/env.ts reads env": this file
// runs inside the Prisma CLI, not in the app.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { defaultPgliteUrl } from "./prisma/engine/database-url.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

// An explicit PRISMA_SCHEMA_ENGINE_BINARY (e.g. a native engine) wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Default: the embedded PGlite database in `.data/pglite` (git-ignored), as file:<absolute path>.
    url: process.env.DATABASE_URL || defaultPgliteUrl(root),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
