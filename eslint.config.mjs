import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "server/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // The offline app's bundles, written by scripts/build-sw.mjs.
      "public/sw.js",
      "public/offline.js",
    ],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through server/env.ts." },
      ],
    },
  },
  {
    // Scripts, tools and config files run outside the app and read their own environment.
    files: [
      "scripts/**",
      "prisma/engine/**",
      "*.config.*",
      "instrumentation.ts",
      "server/env.ts",
      // The logger starts with scripts/serve.mjs, before the app and its env.ts load.
      "server/ops/log.mjs",
      "e2e/**",
      "bench/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
