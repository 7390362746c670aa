import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMinimum, requiredNodeRange } from "~/scripts/node-version.mjs";

/**
 * The stated requirement (package.json engines, Node.js 20.19+) is true of everything this
 * project runs. `npm install` warns about one package that asks for Node 22: @prisma/streams-local,
 * a dependency of @prisma/dev, which the prisma CLI imports only for `prisma dev` (Prisma's own
 * local database server). This project never runs `prisma dev` (the embedded database is PGlite,
 * the CLI runs generate and migrate), so the package is installed but never loaded: the warning
 * is harmless. This test fails when another package needing a newer Node arrives, or when that
 * package starts being loaded on the paths the project uses.
 */
const root = process.cwd();
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { engines?: { node?: string } }>;
};
/** Installed but loaded only by `prisma dev`. */
const ONLY_FOR_PRISMA_DEV = new Set(["node_modules/@prisma/streams-local"]);

const minimumOf = (range: string): { major: number; minor: number } | null => {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?/.exec(range);
  return m ? { major: Number(m[1]), minor: Number(m[2] ?? 0) } : null;
};

describe("Node.js 20.19+ is enough", () => {
  it("no installed package asks for a newer Node, except one loaded only by `prisma dev`", () => {
    const ours = parseMinimum(requiredNodeRange());
    const newer = Object.entries(lock.packages)
      .filter(([, p]) => {
        const need = p.engines?.node ? minimumOf(p.engines.node) : null;
        return need && (need.major > ours.major || (need.major === ours.major && need.minor > ours.minor));
      })
      .map(([name]) => name);
    expect(newer.filter((n) => !ONLY_FOR_PRISMA_DEV.has(n))).toEqual([]);
  });

  it("@prisma/streams-local is imported lazily by @prisma/dev, which the CLI imports lazily for `prisma dev`", () => {
    const dev = readFileSync(path.join(root, "node_modules/@prisma/dev/dist/index.cjs"), "utf8");
    expect(dev).toContain('import("@prisma/streams-local")');
    expect(dev).not.toMatch(/require\(["']@prisma\/streams-local["']\)/);
    const cli = readFileSync(path.join(root, "node_modules/prisma/build/cli.js"), "utf8");
    expect(cli).toContain('import("@prisma/dev")');
    expect(cli).not.toMatch(/require\(["']@prisma\/dev["']\)/);
    const scripts = JSON.stringify(
      (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: object }).scripts,
    );
    expect(scripts).not.toMatch(/prisma dev\b/);
  });
});
