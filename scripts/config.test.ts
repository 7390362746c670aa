import { describe, expect, it } from "vitest";
import { configErrorLine, configProblem, webConcurrency } from "~/scripts/config.mjs";

const secret = "s".repeat(32);
const deployment = { DATABASE_URL: "postgresql://spo@db.internal:5432/spo", AUTH_SECRET: secret };

describe("configProblem (checked by npm start before any migration)", () => {
  it("accepts the zero-setup start and a complete deployment", () => {
    expect(configProblem({})).toBeNull();
    expect(
      configProblem({
        ...deployment,
        SMTP_URL: "smtps://mailer:p%40ss@smtp.example.ru:465",
        APP_URL: "https://forum-spo.ru",
        MAIL_FROM: "Форум СПО <noreply@forum-spo.ru>",
        PORT: "8080",
        SEED_DEMO: "0",
      }),
    ).toBeNull();
    expect(configProblem({ DATABASE_URL: "file:.data/e2e", AUTH_SECRET: secret, SMTP_URL: "" })).toBeNull();
  });

  it("requires a 32-character AUTH_SECRET once DATABASE_URL is set", () => {
    expect(configProblem({ DATABASE_URL: deployment.DATABASE_URL })).toMatchObject({ name: "AUTH_SECRET" });
    expect(configProblem({ ...deployment, AUTH_SECRET: "short" })).toEqual({
      name: "AUTH_SECRET",
      problem: "must be at least 32 characters (it has 5)",
    });
    expect(configProblem({ AUTH_SECRET: "short" })).toMatchObject({ name: "AUTH_SECRET" });
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://u@h/db", AUTH_SECRET: secret }],
    ["DATABASE_URL", { DATABASE_URL: "postgresql://u@h:5432/", AUTH_SECRET: secret }],
    ["SMTP_URL", { ...deployment, SMTP_URL: "http://smtp.example.ru" }],
    ["SMTP_URL", { ...deployment, SMTP_URL: "smtp//broken" }],
    ["APP_URL", { ...deployment, APP_URL: "forum-spo.ru" }],
    ["APP_URL", { ...deployment, APP_URL: "ftp://forum-spo.ru" }],
    ["MAIL_FROM", { ...deployment, MAIL_FROM: "Форум СПО" }],
    ["PORT", { ...deployment, PORT: "80a" }],
    ["PORT", { ...deployment, PORT: "70000" }],
    ["SEED_DEMO", { ...deployment, SEED_DEMO: "please" }],
  ])("names %s when it is malformed", (name, env) => {
    const problem = configProblem(env);
    expect(problem?.name).toBe(name);
    const line = configErrorLine(problem!);
    expect(line.startsWith(`Configuration error: ${name}: `)).toBe(true);
    expect(line).not.toContain("\n");
  });
});

describe("webConcurrency (server processes of npm start)", () => {
  const pgUrl = "postgresql://forum@db.internal/forum";
  it("runs one process unless asked, and one per core with auto, on PostgreSQL", () => {
    expect(webConcurrency({ DATABASE_URL: pgUrl }, 2)).toBe(1);
    expect(webConcurrency({ DATABASE_URL: pgUrl, WEB_CONCURRENCY: "3" }, 2)).toBe(3);
    expect(webConcurrency({ DATABASE_URL: pgUrl, WEB_CONCURRENCY: "auto" }, 2)).toBe(2);
  });
  it("keeps the embedded database to one process whatever is asked", () => {
    expect(webConcurrency({ WEB_CONCURRENCY: "4" }, 2)).toBe(1);
    expect(webConcurrency({ DATABASE_URL: "file:.data/pglite", WEB_CONCURRENCY: "auto" }, 8)).toBe(1);
  });
  it("refuses a value that is not a process count, before anything starts", () => {
    for (const bad of ["0", "-1", "two", "65", "1.5"]) {
      expect(configProblem({ DATABASE_URL: pgUrl, AUTH_SECRET: "x".repeat(32), WEB_CONCURRENCY: bad })?.name).toBe(
        "WEB_CONCURRENCY",
      );
    }
    expect(configProblem({ WEB_CONCURRENCY: "auto" })).toBeNull();
  });
});
